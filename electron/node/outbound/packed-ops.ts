import type { OutboundCategory } from '../../common/outbound/categories'
import { keyParts } from '../../common/outbound/event-key'
import type { OutboundEvent } from '../../common/outbound/outbound-event'
import type { ParseOp } from './log-parser'
import { eventEpochMs } from './log-time'

/**
 * Parse ops as columns: what crosses from the parse worker to the thread that stores, and what
 * the writer stores from, without an object per event. The few distinct strings of a batch
 * (URLs, hosts, services repeat) are listed once, so are its distinct targets; each op is one
 * integer record, one epoch-ms number and one line of text (key and time).
 */
export interface PackedOps {
  readonly strings: string[]
  /** `targetWidth` string indexes per distinct target (method, url, host, service, category, policy item) and upstream as 0/1. */
  readonly targets: Int32Array
  /**
   * `opWidth` integers per op: kind (0 event, 1 answer), target, status, error, file, line, local
   * time, and the two hash lanes of its key (`keyParts`).
   */
  readonly ints: Int32Array
  /** Per op: the event's time in epoch ms (eventEpochMs); 0 for an answer. */
  readonly ts: Float64Array
  /** Per op: the wall-clock ms its key starts with, NaN when the key is not a timed one. */
  readonly walls: Float64Array
  /** Per op: the key, then for an event a tab and its time; one line per op. */
  readonly text: string
}

/** Integers per target in `PackedOps.targets`. */
export const targetWidth = 7
/** Integers per op in `PackedOps.ints`. */
export const opWidth = 9
/** An absent string or status. */
export const none = -1

/** Positions inside one op's integers. */
export const at = {
  kind: 0,
  target: 1,
  status: 2,
  error: 3,
  file: 4,
  line: 5,
  local: 6,
  h1: 7,
  h2: 8,
} as const
/** Positions inside one target's integers. */
export const targetAt = {
  method: 0,
  url: 1,
  host: 2,
  upstream: 3,
  service: 4,
  category: 5,
  policyItem: 6,
} as const

/** Packs ops (`targets.buffer`, `ints.buffer` and `ts.buffer` may be transferred). */
export function packOps(ops: readonly ParseOp[]): PackedOps {
  const strings: string[] = []
  const stringIndex = new Map<string, number>()
  const id = (s: string | null): number => {
    if (s === null) {
      return none
    }
    let i = stringIndex.get(s)
    if (i === undefined) {
      i = strings.length
      strings.push(s)
      stringIndex.set(s, i)
    }
    return i
  }
  const targets: number[] = []
  // Targets by URL string index: the events of one URL nearly always share one target.
  const targetsOfUrl = new Map<number, number[]>()
  const targetOf = (e: OutboundEvent): number => {
    const url = id(e.url)
    const method = id(e.method)
    const host = id(e.host)
    const upstream = e.upstream ? 1 : 0
    const service = id(e.service)
    const category = id(e.category)
    const policyItem = id(e.policyItem)
    const known = targetsOfUrl.get(url)
    for (const t of known ?? []) {
      const o = t * targetWidth
      if (
        targets[o + targetAt.method] === method &&
        targets[o + targetAt.host] === host &&
        targets[o + targetAt.upstream] === upstream &&
        targets[o + targetAt.service] === service &&
        targets[o + targetAt.category] === category &&
        targets[o + targetAt.policyItem] === policyItem
      ) {
        return t
      }
    }
    const t = targets.length / targetWidth
    targets.push(method, url, host, upstream, service, category, policyItem)
    if (known) {
      known.push(t)
    } else {
      targetsOfUrl.set(url, [t])
    }
    return t
  }
  const ints = new Int32Array(ops.length * opWidth)
  const ts = new Float64Array(ops.length)
  const walls = new Float64Array(ops.length)
  const text: string[] = []
  const putKey = (n: number, key: string): void => {
    const parts = keyParts(key)
    walls[n] = parts?.wall ?? Number.NaN
    ints[n * opWidth + at.h1] = parts?.h1 ?? 0
    ints[n * opWidth + at.h2] = parts?.h2 ?? 0
  }
  for (let n = 0; n < ops.length; n++) {
    const op = ops[n] as ParseOp
    const o = n * opWidth
    if (op.op === 'answer') {
      ints[o + at.kind] = 1
      ints[o + at.target] = none
      ints[o + at.status] = op.status ?? none
      ints[o + at.error] = id(op.error)
      ints[o + at.file] = none
      putKey(n, op.key)
      text.push(op.key)
      continue
    }
    const e = op.event
    ints[o + at.target] = targetOf(e)
    ints[o + at.status] = e.status ?? none
    ints[o + at.error] = id(e.error)
    ints[o + at.file] = id(e.source.file)
    ints[o + at.line] = e.source.line
    ints[o + at.local] = e.localTime ? 1 : 0
    ts[n] = op.ts ?? eventEpochMs(e)
    putKey(n, e.key)
    text.push(`${e.key}\t${e.time}`)
  }
  return { strings, targets: Int32Array.from(targets), ints, ts, walls, text: text.join('\n') }
}

/** The ops a PackedOps holds, as packOps received them. */
export function unpackOps(packed: PackedOps): ParseOp[] {
  const { strings, ints, targets } = packed
  const str = (i: number): string | null => (i === none ? null : (strings[i] as string))
  const texts = packed.text === '' ? [] : packed.text.split('\n')
  const ops: ParseOp[] = new Array<ParseOp>(texts.length)
  for (let n = 0; n < texts.length; n++) {
    const o = n * opWidth
    const line = texts[n] as string
    const status = ints[o + at.status] as number
    const error = str(ints[o + at.error] as number)
    if (ints[o + at.kind] === 1) {
      ops[n] = { op: 'answer', key: line, status: status === none ? null : status, error }
      continue
    }
    const t = (ints[o + at.target] as number) * targetWidth
    const tab = line.indexOf('\t')
    const event: OutboundEvent = {
      key: line.slice(0, tab),
      time: line.slice(tab + 1),
      localTime: ints[o + at.local] === 1,
      method: strings[targets[t + targetAt.method] as number] as string,
      url: strings[targets[t + targetAt.url] as number] as string,
      host: strings[targets[t + targetAt.host] as number] as string,
      upstream: targets[t + targetAt.upstream] === 1,
      status: status === none ? null : status,
      error,
      service: strings[targets[t + targetAt.service] as number] as string,
      category: strings[targets[t + targetAt.category] as number] as OutboundCategory,
      policyItem: str(targets[t + targetAt.policyItem] as number),
      source: {
        file: strings[ints[o + at.file] as number] as string,
        line: ints[o + at.line] as number,
      },
    }
    ops[n] = { op: 'event', event }
  }
  return ops
}
