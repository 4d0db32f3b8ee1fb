import type { OutboundEvent } from '../../common/outbound/outbound-event'
import type { ParseOp } from './log-parser'

/**
 * Folds each answer into its event when both are in the same batch, so the store inserts the
 * finished event instead of inserting and then updating it (a response usually follows its
 * request within milliseconds, so nearly every answer folds). Order is kept. Pure unless
 * `inPlace`, which completes the events themselves: for ops nothing else holds yet (the
 * parser's own), where a copy per event would only make garbage.
 */
export function foldAnswers(ops: readonly ParseOp[], inPlace = false): ParseOp[] {
  const out: ParseOp[] = []
  const at = new Map<string, number>()
  for (const op of ops) {
    if (op.op === 'event') {
      // Only an event still waiting for its answer can take one.
      if (op.event.status === null && op.event.error === null) {
        at.set(op.event.key, out.length)
      }
      out.push(op)
      continue
    }
    const index = at.get(op.key)
    const target = index === undefined ? undefined : out[index]
    if (index !== undefined && target?.op === 'event') {
      if (inPlace) {
        const event = target.event as { -readonly [K in keyof OutboundEvent]: OutboundEvent[K] }
        event.status = op.status
        event.error = op.error
      } else {
        const event: OutboundEvent = { ...target.event, status: op.status, error: op.error }
        out[index] = { op: 'event', event }
      }
      at.delete(op.key)
    } else {
      out.push(op)
    }
  }
  return out
}
