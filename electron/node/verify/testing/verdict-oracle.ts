import type { SwitchStatus } from '../../../common/api/switch-schemas'
import type { Verdict, Verification } from '../../../common/api/verify-schemas'
import type { SentRecord } from '../../../demo/sent-record'

/**
 * The ground truth a verdict is judged against, built only from the demo's own record of what it
 * sent and why (never from Hush's signatures or evidence table): which requests leaked past a
 * switch that was off, whether the log shows them, and whether they could be told apart from the
 * requests of another flow at all.
 */

/**
 * A request's shape as a reader of the log sees it: method, host, path and query, with ids,
 * numbers and hashes blanked out. Two flows whose requests share a shape cannot be told apart.
 */
export function shapeKey(record: Pick<SentRecord, 'method' | 'url'>): string {
  const normal = record.url
    .replace(/X-Plex-Token=[^&]*/g, 'X-Plex-Token=')
    .replace(/[0-9a-f-]*\d[0-9a-f-]*/gi, run => (run.length >= 4 ? '#' : run))
    .replace(/\d+/g, '#')
  return `${record.method} ${normal}`
}

/** Which flows send requests of each shape (from a run in which every flow was sent). */
export type ShapeIndex = ReadonlyMap<string, ReadonlySet<string>>

/** Indexes the shapes of a run's records by the flows that sent them. */
export function indexShapes(records: readonly SentRecord[]): ShapeIndex {
  const index = new Map<string, Set<string>>()
  for (const record of records) {
    const key = shapeKey(record)
    index.set(key, new Set([...(index.get(key) ?? []), record.flow]))
  }
  return index
}

/** Whether a request could be told apart, in the log, from every other flow's requests. */
export function distinguishable(record: SentRecord, shapes: ShapeIndex): boolean {
  return (shapes.get(shapeKey(record))?.size ?? 0) <= 1
}

/** What the demo's record says about one switch that is off. */
export interface SwitchTruth {
  /** Requests that went out although this switch (one of their gates) was off. */
  readonly leaked: readonly SentRecord[]
  /** Of those, the ones the log shows and that no other flow's requests look like. */
  readonly evidence: readonly SentRecord[]
  /** Whether the log can show this switch's flow at all (a logged, distinguishable request gated by it). */
  readonly visible: boolean
}

/** The truth about a switch: its leaks since `since`, and whether its flow shows in the log. */
export function switchTruth(
  status: SwitchStatus,
  records: readonly SentRecord[],
  since: number,
  baseline: readonly SentRecord[],
  shapes: ShapeIndex,
): SwitchTruth {
  const keys = new Set(status.targets.map(target => target.key))
  const gatedBy = (record: SentRecord, open?: boolean): boolean =>
    record.gates.some(gate => keys.has(gate.setting) && (open === undefined || gate.open === open))
  const leaked = records.filter(r => r.time >= since && r.leaked && gatedBy(r, false))
  return {
    leaked,
    evidence: leaked.filter(r => r.logged && distinguishable(r, shapes)),
    visible: baseline.some(r => r.logged && gatedBy(r) && distinguishable(r, shapes)),
  }
}

/** What a verdict may be, given the truth and whether the log covers an hour with debug logging on. */
export function allowedVerdicts(truth: SwitchTruth, hourCovered: boolean): readonly Verdict[] {
  if (truth.evidence.length > 0) {
    return ['leaking']
  }
  if (truth.leaked.length > 0) {
    // A leak the log cannot show (or cannot tell apart): never "verified", never pinned on it.
    return ['no-evidence', 'not-visible']
  }
  if (!truth.visible) {
    return ['not-visible', 'no-evidence']
  }
  return hourCovered ? ['verified'] : ['no-evidence']
}

/** Whether every request Hush listed as leaked was a leak in the demo's record (same method, host and moment). */
export function listedLeaksAreReal(result: Verification, records: readonly SentRecord[]): boolean {
  return result.leaks.every(event => {
    const at = Date.parse(event.time)
    return records.some(
      record =>
        record.leaked &&
        record.logged &&
        record.method === event.method &&
        new URL(record.url).hostname.toLowerCase() === event.host &&
        Math.abs(record.time - at) < 1000,
    )
  })
}

/** What the demo's record says about the connections of a switch's flow while it was off. */
export interface ConnectionTruth {
  /** A leaked request's connection was open through the whole of the verification. */
  readonly certain: boolean
  /** One was open at some moment of it. */
  readonly possible: boolean
}

/**
 * The truth about a switch's connections at verification (`window`, this machine's clock): from
 * the connections the demo's helpers really made for requests that leaked past it since `since`.
 */
export function connectionTruth(
  status: SwitchStatus,
  records: readonly SentRecord[],
  since: number,
  window: { readonly from: number; readonly to: number },
): ConnectionTruth {
  const keys = new Set(status.targets.map(target => target.key))
  const connections = records
    .filter(
      r =>
        r.time >= since &&
        r.leaked &&
        r.gates.some(gate => keys.has(gate.setting) && !gate.open) &&
        r.connection?.localPort !== undefined,
    )
    .map(r => r.connection)
  return {
    certain: connections.some(
      c =>
        c?.openedAt !== undefined &&
        c.openedAt <= window.from - 1000 &&
        (c.closedAt === undefined || c.closedAt >= window.to),
    ),
    possible: connections.some(
      c =>
        (c?.openedAt ?? Number.POSITIVE_INFINITY) <= window.to &&
        (c?.closedAt === undefined || c.closedAt >= window.from),
    ),
  }
}
