import type { OutboundEvent } from './outbound-event'

/** What an event was sent to and how it is classified: one row of the store's `targets`. */
export type EventTarget = Pick<
  OutboundEvent,
  'method' | 'url' | 'host' | 'upstream' | 'service' | 'category' | 'policyItem'
>

/** Whether two targets with the same URL are the same target. */
export function sameTargetForUrl(a: EventTarget, b: EventTarget): boolean {
  return (
    a.method === b.method &&
    a.host === b.host &&
    a.upstream === b.upstream &&
    a.service === b.service &&
    a.category === b.category &&
    a.policyItem === b.policyItem
  )
}

/** A target's own fields, without the rest of an event that carries them. */
export function targetOf(e: EventTarget): EventTarget {
  return {
    method: e.method,
    url: e.url,
    host: e.host,
    upstream: e.upstream,
    service: e.service,
    category: e.category,
    policyItem: e.policyItem,
  }
}
