import type { ApiEvents } from '../../common/api/contract'
import type { Language } from '../../common/i18n/localized-text'
import type { Notice } from '../../common/notices/notice'
import { showNotice } from '../../common/notices/notice-texts'
import type { EventHub } from '../../common/util/event-hub'
import type { Notifier } from './ports'

/** Tells the owner one thing (see common/notices). */
export type NotifyOwner = (notice: Notice) => void

/**
 * The one way the core tells the owner something: said once in the owner's language, handed to
 * the host's notifier (a desktop notification, a CLI line) and pushed as `owner.notified` to every
 * face that listens (the dashboard's event stream).
 */
export function createOwnerNotices(deps: {
  readonly notifier?: Notifier
  readonly events: EventHub<ApiEvents>
  readonly language: () => Language
}): NotifyOwner {
  return notice => {
    const shown = showNotice(notice, deps.language())
    deps.notifier?.notify(shown)
    deps.events.emit('owner.notified', shown)
  }
}
