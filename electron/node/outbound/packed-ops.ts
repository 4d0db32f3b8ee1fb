import type { OutboundCategory } from '../../common/outbound/categories'
import type { OutboundEvent } from '../../common/outbound/outbound-event'
import type { ParseOp } from './log-parser'

/**
 * Parse ops in a form that crosses a thread boundary cheaply: the few distinct strings of a batch
 * (URLs, hosts, services repeat), one integer record per op and the per-op text (key, time) in
 * one string. Structured-cloning the op objects themselves costs about as much as parsing them.
 */
export interface PackedOps {
  readonly strings: string[]
  readonly ints: Int32Array
  readonly text: string
}

const width = 12
const none = -1

/** Packs ops for postMessage (`ints.buffer` may be transferred). */
export function packOps(ops: readonly ParseOp[]): PackedOps {
  const strings: string[] = []
  const index = new Map<string, number>()
  const id = (s: string | null): number => {
    if (s === null) {
      return none
    }
    let i = index.get(s)
    if (i === undefined) {
      i = strings.length
      strings.push(s)
      index.set(s, i)
    }
    return i
  }
  const ints = new Int32Array(ops.length * width)
  const text: string[] = []
  ops.forEach((op, n) => {
    const at = n * width
    if (op.op === 'answer') {
      ints.set([1, op.status ?? none, id(op.error)], at)
      text.push(op.key)
      return
    }
    const e = op.event
    ints.set(
      [
        0,
        e.status ?? none,
        id(e.error),
        id(e.method),
        id(e.url),
        id(e.host),
        e.upstream ? 1 : 0,
        id(e.service),
        id(e.category),
        id(e.policyItem),
        id(e.source.file),
        e.source.line,
      ],
      at,
    )
    text.push(`${e.key}\t${e.localTime ? 'L' : 'Z'}${e.time}`)
  })
  return { strings, ints, text: text.join('\n') }
}

/** The ops a PackedOps holds, as packOps received them. */
export function unpackOps(packed: PackedOps): ParseOp[] {
  const { strings, ints } = packed
  const str = (i: number): string | null => (i === none ? null : (strings[i] as string))
  const texts = packed.text === '' ? [] : packed.text.split('\n')
  const ops: ParseOp[] = new Array<ParseOp>(texts.length)
  for (let n = 0; n < texts.length; n++) {
    const at = n * width
    const t = texts[n] as string
    const status = ints[at + 1] as number
    const error = str(ints[at + 2] as number)
    if (ints[at] === 1) {
      ops[n] = { op: 'answer', key: t, status: status === none ? null : status, error }
      continue
    }
    const event: OutboundEvent = {
      key: t.slice(0, t.indexOf('\t')),
      time: t.slice(t.indexOf('\t') + 2),
      localTime: t.charCodeAt(t.indexOf('\t') + 1) === 76,
      method: strings[ints[at + 3] as number] as string,
      url: strings[ints[at + 4] as number] as string,
      host: strings[ints[at + 5] as number] as string,
      upstream: ints[at + 6] === 1,
      status: status === none ? null : status,
      error,
      service: strings[ints[at + 7] as number] as string,
      category: strings[ints[at + 8] as number] as OutboundCategory,
      policyItem: str(ints[at + 9] as number),
      source: { file: strings[ints[at + 10] as number] as string, line: ints[at + 11] as number },
    }
    ops[n] = { op: 'event', event }
  }
  return ops
}
