import { useText } from '../i18n/use-text'
import { useAppStore } from '../store/app-store-context'
import type { NoticeKind } from '../../../electron/common/notices/notice'
import { ownerNoticesShown } from '../store/slices/owner-notices-slice'
import { Icon, type IconName } from './icon'

/** The kinds that say something failed: drawn as alerts. */
const failureKinds: ReadonlySet<NoticeKind> = new Set([
  'serverUnreachable',
  'timedChangeFailed',
  'changeFailed',
  'applyInterrupted',
])

const iconOf: Readonly<Record<NoticeKind, IconName>> = {
  drift: 'switches',
  timedChangeEnded: 'clock',
  timedChangeFailed: 'alert',
  newDestination: 'globe',
  serverUnreachable: 'alert',
  connectionChanged: 'server',
  applyInterrupted: 'alert',
  fileRepaired: 'alert',
  settingsRepaired: 'alert',
  noKeychain: 'alert',
  weakKeychain: 'alert',
  changeFailed: 'alert',
}

/**
 * What Hush told the owner of its own accord (a setting changed behind its back, a new
 * destination, the server reached another way), newest first until dismissed. The desktop also
 * shows each as a system notification; in a browser (`hush serve`) this is the only place.
 */
export function OwnerNotices() {
  const text = useText()
  const notices = useAppStore(s => s.ownerNotices)
  const dismissed = useAppStore(s => s.ownerNoticeDismissed)
  return (
    <section className="owner-notices" aria-label={text.ownerNotices.label} aria-live="polite">
      {notices.slice(0, ownerNoticesShown).map(notice => {
        const failure = failureKinds.has(notice.kind)
        return (
          <article
            key={notice.id}
            className={`owner-notice${failure ? ' failure' : ''}`}
            aria-label={notice.title}
          >
            <Icon name={iconOf[notice.kind]} />
            <div>
              <strong>
                {notice.title}
                {notice.times > 1 ? ` (${text.ownerNotices.times(notice.times)})` : ''}
              </strong>
              <p>{notice.body}</p>
            </div>
            <button
              type="button"
              className="button small"
              onClick={() => void dismissed(notice.id)}
            >
              {text.common.dismiss}
            </button>
          </article>
        )
      })}
    </section>
  )
}
