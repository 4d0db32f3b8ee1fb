import type { SettingValue } from '../../common/switches/switch-types'
import type { ObservedSpan } from '../observations/state-observations'
import type { LogFacts } from './log-facts'

/** What is known of one target's value at a moment: the value, or that it is unknown. */
export type KnownValue =
  | { readonly known: true; readonly value: SettingValue | null; readonly basis: ValueBasis }
  | { readonly known: false }

/** Where a known value comes from. */
export type ValueBasis =
  /** The server logged the request that set it. */
  | 'server-log'
  /** Hush read (or wrote) it, and the server's log shows no change between then and the moment. */
  | 'hush'

/** What a timeline is built from, all on the log's clock (epoch ms). */
export interface TimelineInput {
  readonly facts: LogFacts
  /** Hush's readings per target key, already moved onto the log's clock. */
  readonly observed: ReadonlyMap<string, readonly ObservedSpan[]>
}

/**
 * Each target's value over time. A target on the server can only change through a request the
 * server logs (while debug logging is on) or while it is stopped (a restart): between two such
 * moments its value is the same throughout, so a value known anywhere in that stretch is known
 * everywhere in it. An account setting changes on plex.tv, which the server's log never shows: it
 * is known only between two of Hush's readings that found the same value.
 */
export interface StateTimeline {
  valueAt(key: string, at: number): KnownValue
  /** The moments at which what is known of a target can change (its value, or whether it is known). */
  changePoints(key: string): readonly number[]
}

const unknown: KnownValue = { known: false }

/** The last index whose value is at most `at` in a sorted list, or -1. */
function lastAtOrBefore(sorted: readonly number[], at: number): number {
  let low = 0
  let high = sorted.length - 1
  let found = -1
  while (low <= high) {
    const mid = (low + high) >> 1
    if ((sorted[mid] as number) <= at) {
      found = mid
      low = mid + 1
    } else {
      high = mid - 1
    }
  }
  return found
}

/** Builds the timeline of every target key from the log and Hush's readings. */
export function buildStateTimeline(input: TimelineInput): StateTimeline {
  const { facts } = input
  const breaks = [
    ...(facts.firstMs === null ? [] : [facts.firstMs]),
    ...facts.restarts,
    ...facts.blind.flatMap(span => (span.to === null ? [span.from] : [span.from, span.to])),
  ]
  const changesOf = new Map<string, { at: number; value: string }[]>()
  for (const change of facts.changes) {
    for (const [key, value] of change.values) {
      const list = changesOf.get(key) ?? []
      list.push({ at: change.epochMs, value })
      changesOf.set(key, list)
    }
  }
  // Per key: the moments its value could change, sorted (computed once, on first use).
  const boundsOf = new Map<string, number[]>()
  const bounds = (key: string): number[] => {
    let found = boundsOf.get(key)
    if (found === undefined) {
      found = [...breaks, ...(changesOf.get(key) ?? []).map(change => change.at)].sort(
        (a, b) => a - b,
      )
      boundsOf.set(key, found)
    }
    return found
  }
  const inBlind = (at: number): boolean =>
    facts.blind.some(span => at > span.from && (span.to === null || at < span.to))

  function fromReadings(key: string, at: number): KnownValue {
    // Newest first: a reading (or a write) at the same instant as an older one supersedes it.
    const spans = input.observed.get(key) ?? []
    for (let i = spans.length - 1; i >= 0; i--) {
      const span = spans[i] as ObservedSpan
      if (at >= span.from && at <= span.to) {
        return { known: true, value: span.value, basis: 'hush' }
      }
    }
    return unknown
  }

  function serverValueAt(key: string, at: number): KnownValue {
    if (facts.firstMs === null || at < facts.firstMs || inBlind(at)) {
      return fromReadings(key, at)
    }
    // The stretch [start, end) around `at` in which nothing could change the value.
    const sorted = bounds(key)
    const index = lastAtOrBefore(sorted, at)
    const start = index < 0 ? Number.NEGATIVE_INFINITY : (sorted[index] as number)
    const end = index + 1 < sorted.length ? (sorted[index + 1] as number) : Number.POSITIVE_INFINITY
    const set = (changesOf.get(key) ?? []).filter(change => change.at === start).at(-1)
    if (set !== undefined) {
      return { known: true, value: set.value, basis: 'server-log' }
    }
    const lastMs = facts.lastMs ?? at
    for (const span of [...(input.observed.get(key) ?? [])].reverse()) {
      // A reading inside the stretch, or after the end of the log while nothing changed since.
      const seen = Math.max(span.from, start)
      if (seen <= span.to && seen < end && (seen <= lastMs || end === Number.POSITIVE_INFINITY)) {
        return { known: true, value: span.value, basis: 'hush' }
      }
    }
    return unknown
  }

  return {
    valueAt: (key, at) =>
      key.startsWith('account:') ? fromReadings(key, at) : serverValueAt(key, at),
    changePoints: key => [
      ...(key.startsWith('account:') ? [] : bounds(key)),
      ...(input.observed.get(key) ?? []).flatMap(span => [span.from, span.to]),
    ],
  }
}
