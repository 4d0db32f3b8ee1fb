import type { OutboundEvent } from '../../common/outbound/outbound-event'
import type { ParseOp } from './log-parser'

/**
 * Folds each answer into its event when both are in the same batch, so the store inserts the
 * finished event instead of inserting and then updating it. The parser already does this for
 * its own batches; this is for ops gathered from several. Pure; order is kept.
 */
export function foldAnswers(ops: readonly ParseOp[]): ParseOp[] {
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
      const event: OutboundEvent = { ...target.event, status: op.status, error: op.error }
      out[index] = { op: 'event', event }
      at.delete(op.key)
    } else {
      out.push(op)
    }
  }
  return out
}
