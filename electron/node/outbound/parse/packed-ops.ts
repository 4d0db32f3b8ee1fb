import type { OutboundCategory } from '../../../common/outbound/categories'
import { keyParts } from '../../../common/outbound/event-key'
import type { OutboundEvent } from '../../../common/outbound/outbound-event'
import { sameTargetForUrl, targetOf, type EventTarget } from '../../../common/outbound/event-target'
import type { ParseOp } from './log-parser'
import { eventEpochMs } from './log-time'

/**
 * Parse ops as columns: what crosses from the parse worker to the thread that stores, and what
 * the writer stores from, without an object per event. Each op is one integer record, one
 * epoch-ms number, one wall-clock number and one line of text (key and time). Targets (what an
 * event was sent to) are numbered along a stream of pieces: a piece defines only the targets
 * the stream had not defined yet, so a URL crosses once however often it is called.
 */
export interface PackedOps {
  /** The strings of this piece: those of its new targets, errors and file names. */
  readonly strings: string[]
  /** The number of the first target defined here; the others follow in order. */
  readonly firstTarget: number
  /** `targetWidth` integers per target defined here: string indexes, upstream as 0/1. */
  readonly targets: Int32Array
  /**
   * `opWidth` integers per op: kind (0 event, 1 answer), target number, status, error, file,
   * line, local time, and the two hash lanes of its key (`keyParts`).
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

/**
 * Packs the ops of one stream piece by piece, numbering targets across pieces. Keyed by URL:
 * the parser hands the same URL string object to every event of one URL, so a lookup hashes
 * nothing new.
 */
export class OpPacker {
  private readonly known = new Map<string, { target: EventTarget; n: number }[]>()
  private count = 0

  /** Packs one piece (`targets`, `ints`, `ts` and `walls` buffers may be transferred). */
  pack(ops: readonly ParseOp[]): PackedOps {
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
    const firstTarget = this.count
    const targets: number[] = []
    const numberOf = (e: OutboundEvent): number => {
      const same = this.known.get(e.url)
      for (const t of same ?? []) {
        if (sameTargetForUrl(t.target, e)) {
          return t.n
        }
      }
      const n = this.count++
      const target = targetOf(e)
      if (same) {
        same.push({ target, n })
      } else {
        this.known.set(e.url, [{ target, n }])
      }
      const { method, url, host, upstream, service, category, policyItem } = target
      targets.push(id(method), id(url), id(host), upstream ? 1 : 0)
      targets.push(id(service), id(category), id(policyItem))
      return n
    }
    const ints = new Int32Array(ops.length * opWidth)
    const ts = new Float64Array(ops.length)
    const walls = new Float64Array(ops.length)
    const text: string[] = []
    for (let n = 0; n < ops.length; n++) {
      const op = ops[n] as ParseOp
      const o = n * opWidth
      const key = op.op === 'answer' ? op.key : op.event.key
      const parts = keyParts(key)
      walls[n] = parts?.wall ?? Number.NaN
      ints[o + at.h1] = parts?.h1 ?? 0
      ints[o + at.h2] = parts?.h2 ?? 0
      if (op.op === 'answer') {
        ints[o + at.kind] = 1
        ints[o + at.target] = none
        ints[o + at.status] = op.status ?? none
        ints[o + at.error] = id(op.error)
        ints[o + at.file] = none
        text.push(key)
        continue
      }
      const e = op.event
      ints[o + at.target] = numberOf(e)
      ints[o + at.status] = e.status ?? none
      ints[o + at.error] = id(e.error)
      ints[o + at.file] = id(e.source.file)
      ints[o + at.line] = e.source.line
      ints[o + at.local] = e.localTime ? 1 : 0
      ts[n] = op.ts ?? eventEpochMs(e)
      text.push(`${key}\t${e.time}`)
    }
    const defined = Int32Array.from(targets)
    return { strings, firstTarget, targets: defined, ints, ts, walls, text: text.join('\n') }
  }
}

/** Packs ops on their own: a piece that defines every target it uses. */
export function packOps(ops: readonly ParseOp[]): PackedOps {
  return new OpPacker().pack(ops)
}

/** The targets a stream of pieces has defined so far, by number. */
export class PackedTargets {
  private readonly defined: EventTarget[] = []

  /** Learns the targets a piece defines; call for every piece, in order. */
  learn(piece: PackedOps): void {
    const { strings, targets } = piece
    const str = (i: number): string => strings[i] as string
    for (let o = 0; o < targets.length; o += targetWidth) {
      const policyAt = targets[o + targetAt.policyItem] as number
      this.defined[piece.firstTarget + o / targetWidth] = {
        method: str(targets[o + targetAt.method] as number),
        url: str(targets[o + targetAt.url] as number),
        host: str(targets[o + targetAt.host] as number),
        upstream: targets[o + targetAt.upstream] === 1,
        service: str(targets[o + targetAt.service] as number),
        category: str(targets[o + targetAt.category] as number) as OutboundCategory,
        policyItem: policyAt === none ? null : str(policyAt),
      }
    }
  }

  /** Target number `n` as defined. */
  target(n: number): EventTarget {
    const t = this.defined[n]
    if (t === undefined) {
      throw new Error(`packed target ${n} used before it was defined`)
    }
    return t
  }
}

/** The ops of a piece as objects (`targets` has learnt the earlier pieces of its stream). */
export function unpackOps(piece: PackedOps, targets = new PackedTargets()): ParseOp[] {
  targets.learn(piece)
  const { strings, ints } = piece
  const str = (i: number): string | null => (i === none ? null : (strings[i] as string))
  const texts = piece.text === '' ? [] : piece.text.split('\n')
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
    const tab = line.indexOf('\t')
    const event: OutboundEvent = {
      key: line.slice(0, tab),
      time: line.slice(tab + 1),
      localTime: ints[o + at.local] === 1,
      ...targets.target(ints[o + at.target] as number),
      status: status === none ? null : status,
      error,
      source: {
        file: strings[ints[o + at.file] as number] as string,
        line: ints[o + at.line] as number,
      },
    }
    ops[n] = { op: 'event', event }
  }
  return ops
}
