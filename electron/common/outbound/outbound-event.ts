import type { OutboundCategory } from './categories'

/** Where an event was read: the log file's name and the 1-based line of its first log line. */
export interface EventSource {
  readonly file: string
  readonly line: number
}

/**
 * One outbound HTTP exchange of the media server (docs/architecture.md §4), already redacted.
 *
 * `time` is ISO 8601: with the offset from the log's start-up banner when one was seen, else the
 * server's wall-clock time without an offset and `localTime: true`.
 */
export interface OutboundEvent {
  /**
   * The line's wall-clock time and a stable hash of the line (`timedEventKey`): the same exchange
   * read twice has the same key.
   */
  readonly key: string
  readonly time: string
  readonly localTime: boolean
  readonly method: string
  readonly url: string
  readonly host: string
  readonly upstream: boolean
  readonly status: number | null
  readonly error: string | null
  readonly service: string
  readonly category: OutboundCategory
  /** A policy item key such as `collect-3` (policy-item.ts), or null when none applies. */
  readonly policyItem: string | null
  readonly source: EventSource
}

/** Why a line was skipped; every skipped line is counted under one reason. */
export type SkipReason = 'malformed' | 'tooLong' | 'invalidUtf8' | 'notLogLine'

/** Counts of skipped lines by reason. */
export type SkipCounts = Record<SkipReason, number>

/** Zero counts. */
export function emptySkipCounts(): SkipCounts {
  return { malformed: 0, tooLong: 0, invalidUtf8: 0, notLogLine: 0 }
}

/** The total of skipped lines. */
export function totalSkipped(counts: SkipCounts): number {
  return counts.malformed + counts.tooLong + counts.invalidUtf8 + counts.notLogLine
}
