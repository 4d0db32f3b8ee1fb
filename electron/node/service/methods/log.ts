import type { PrivacyApi } from '../../../common/api/contract'
import type { OutboundLog } from '../../outbound/outbound-log'
import type { StoredEvent } from '../../outbound/store/event-queries'

type LogMethods = Pick<
  PrivacyApi,
  | 'log.page'
  | 'log.count'
  | 'log.stats'
  | 'log.event'
  | 'log.export'
  | 'log.tailStatus'
  | 'log.evidence'
>

/** The `log.*` methods over the outbound log (the store and its live tail). */
export function createLogMethods(log: OutboundLog): LogMethods {
  return {
    'log.page': ({ limit, before, offset, ...filter }) => {
      const page = log.page({ ...filter, limit, before, offset })
      return Promise.resolve({ events: page.events.map(toView), nextBefore: page.nextBefore })
    },
    'log.count': filter => Promise.resolve({ total: log.count(filter) }),
    'log.stats': filter => Promise.resolve(log.stats(filter)),
    'log.event': ({ id }) => {
      const event = log.event(id)
      return Promise.resolve(event ? toView(event) : null)
    },
    'log.export': ({ format, filter }) => Promise.resolve(log.exportText(format, filter)),
    'log.tailStatus': () => Promise.resolve(log.tailStatus()),
    'log.evidence': () => Promise.resolve(log.evidence()),
  }
}

/** A stored event as the contract shows it (without the store's own `localTime` flag). */
function toView(event: StoredEvent) {
  const { localTime, ...view } = event
  return view
}
