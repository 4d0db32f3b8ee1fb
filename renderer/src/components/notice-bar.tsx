import { useAppStore } from '../store/app-store-context'
import { useText } from '../i18n/use-text'
import { Icon } from './icon'

/** The message after a change or a failure, with Undo after a change. Announced politely. */
export function NoticeBar() {
  const text = useText()
  const notice = useAppStore(s => s.notice)
  const dismissed = useAppStore(s => s.noticeDismissed)
  const undo = useAppStore(s => s.undoRequested)
  const busy = useAppStore(s => s.changing !== null)
  return (
    <div role="status" aria-live="polite" className="notice-region">
      {notice && (
        <div className="notice" key={notice.id}>
          <Icon name={notice.tone === 'error' ? 'alert' : 'check'} />
          <span>{notice.text}</span>
          {notice.undoable && (
            <button
              type="button"
              className="button small"
              disabled={busy}
              onClick={() => {
                dismissed()
                void undo()
              }}
            >
              {text.common.undo}
            </button>
          )}
          <button type="button" className="button small" onClick={dismissed}>
            {text.common.dismiss}
          </button>
        </div>
      )}
    </div>
  )
}
