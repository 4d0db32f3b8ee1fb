import { useEffect } from 'react'
import { useLanguage, useText } from '../../i18n/use-text'
import { formatShortDateTime } from '../../lib/format'
import { useAppStore } from '../../store/app-store-context'

/** Where the log's events come from: pulled from a server on another machine, or read from a folder. */
export function LogSourceLine() {
  const text = useText()
  const language = useLanguage()
  const source = useAppStore(s => s.logSource)
  const requested = useAppStore(s => s.logSourceRequested)
  const pull = useAppStore(s => s.logPullRequested)
  useEffect(() => {
    void requested()
  }, [requested])
  if (source === null || source.mode === 'none') {
    return null
  }
  if (source.mode === 'folder') {
    return <p className="muted small log-source">{text.logSource.folder(source.logsDir ?? '')}</p>
  }
  return (
    <div className="row log-source" aria-live="polite">
      <span className="small">
        {text.logSource.pulled(source.serverName ?? '', source.intervalMinutes ?? 0)}{' '}
        {source.lastPullAt === null
          ? text.logSource.never
          : text.logSource.lastPull(
              formatShortDateTime(source.lastPullAt, language),
              source.lastInserted ?? 0,
            )}
      </span>
      {source.lastError && (
        <span className="small tone-bad">{text.logSource.failed(source.lastError)}</span>
      )}
      <button type="button" className="button small" onClick={() => void pull()}>
        {text.logSource.pullNow}
      </button>
    </div>
  )
}
