import type { OutboundEvent } from '../../../common/outbound/outbound-event'
import { maxPending } from './log-parser'
import type { PieceRecord } from './read-piece'

/**
 * Turns the records of pieces into finished events in log order, for output that is never updated afterwards
 * (`hush log parse`): an event waits until its answer arrives, the queue grows past the pending
 * limit, or the input ends.
 */
export class OrderedEvents {
  private readonly queue: { event: OutboundEvent; open: boolean }[] = []
  private readonly open = new Map<string, { event: OutboundEvent; open: boolean }>()
  private head = 0

  /** Applies records and returns the events now final, oldest first. */
  push(records: readonly PieceRecord[]): OutboundEvent[] {
    for (const op of records) {
      if (op.kind === 'event') {
        const entry = { event: op.event, open: op.event.status === null && op.event.error === null }
        this.queue.push(entry)
        if (entry.open) {
          this.open.set(op.event.key, entry)
        }
      } else {
        const entry = this.open.get(op.key)
        if (entry) {
          // The event is this queue's own (nothing else holds it yet): complete it in place.
          const event = entry.event as { -readonly [K in keyof OutboundEvent]: OutboundEvent[K] }
          event.status = op.status
          event.error = op.error
          entry.open = false
          this.open.delete(op.key)
        }
      }
    }
    return this.drain(false)
  }

  /** Returns every remaining event: unanswered requests keep `status: null`. */
  end(): OutboundEvent[] {
    return this.drain(true)
  }

  private drain(all: boolean): OutboundEvent[] {
    const out: OutboundEvent[] = []
    while (this.head < this.queue.length) {
      const entry = this.queue[this.head] as { event: OutboundEvent; open: boolean }
      if (entry.open && !all && this.queue.length - this.head <= maxPending) {
        break
      }
      this.open.delete(entry.event.key)
      out.push(entry.event)
      this.head++
    }
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head)
      this.head = 0
    }
    return out
  }
}
