import { attributeShape, type Attribution } from '../../common/evidence/attribute-request'
import { requestShape } from '../../common/evidence/request-shape'
import type { SignatureContext } from '../../common/evidence/request-signature'
import type { SwitchSignature } from '../../common/evidence/switch-signatures'
import type { OutboundEvent } from '../../common/outbound/outbound-event'
import { eventEpochMs } from '../outbound/parse/log-time'
import type { SwitchStates } from './switch-states'

/** One outbound request with what it is and when, on the log's clock. */
export interface AttributedEvent {
  readonly event: OutboundEvent
  /** Its index in the log's events, oldest first (the id the report shows). */
  readonly index: number
  readonly at: number
  readonly attribution: Attribution
}

/** What one request says about one switch that was off when it was sent. */
export type Judgement =
  /** A way of sending it had every switch on: not evidence against this one. */
  | { readonly kind: 'explained' }
  /** Every way of sending it needs this switch, and it was off: it leaked. */
  | { readonly kind: 'leak' }
  /** Every way was closed, but not all by this switch: one of `candidates` leaked. */
  | { readonly kind: 'ambiguous'; readonly candidates: readonly string[] }
  /** Some switch's state at that moment is unknown, so the request cannot be judged. */
  | { readonly kind: 'unjudged' }

/** Names every event (the same URL is named once). */
export function attributeEvents(
  events: readonly OutboundEvent[],
  context: SignatureContext,
): AttributedEvent[] {
  const named = new Map<string, Attribution>()
  return events.map((event, index) => {
    const key = `${event.method} ${event.url}`
    let attribution = named.get(key)
    if (attribution === undefined) {
      attribution = attributeShape(requestShape(event.method, event.url), context)
      named.set(key, attribution)
    }
    return { event, index, at: eventEpochMs(event), attribution }
  })
}

/**
 * Judges a request of a signature against one switch, with every switch's state at the moment
 * the request was sent (not today's).
 */
export function judgeRequest(
  signature: SwitchSignature,
  switchId: string,
  at: number,
  states: SwitchStates,
): Judgement {
  const ways = signature.sentBy.map(way => way.map(id => ({ id, state: states.stateAt(id, at) })))
  if (ways.some(way => way.every(s => s.state === 'on'))) {
    return { kind: 'explained' }
  }
  if (ways.some(way => !way.some(s => s.state === 'off'))) {
    return { kind: 'unjudged' }
  }
  if (ways.every(way => way.some(s => s.id === switchId && s.state === 'off'))) {
    return { kind: 'leak' }
  }
  const candidates = [
    ...new Set(ways.flatMap(way => way.filter(s => s.state === 'off').map(s => s.id))),
  ]
  return { kind: 'ambiguous', candidates }
}
