import { useEffect } from 'react'
import { crashUploadLine, relayLine } from '../../../../electron/common/witness/relay-texts'
import { useLanguage, useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'

/** How often the card reads the witness again while it is shown. */
const refreshMs = 5_000

/**
 * The relay and crash-report uploads as the connection witness sees them now: whether a relay
 * connection is open and since when with its bytes, the latest uploads with their sizes, and
 * what the witness cannot see.
 */
export function RelayCard() {
  const text = useText()
  const language = useLanguage()
  const status = useAppStore(s => s.witnessStatus)
  const refreshed = useAppStore(s => s.witnessRefreshed)
  useEffect(() => {
    void refreshed()
    const timer = setInterval(() => void refreshed(), refreshMs)
    return () => clearInterval(timer)
  }, [refreshed])
  if (status === null) {
    return null
  }
  const watching = status.state === 'watching'
  return (
    <article
      className="card relay-card"
      aria-labelledby="overview-witness"
      data-testid="relay-card"
    >
      <header>
        <h2 id="overview-witness">{text.witness.title}</h2>
        <p className="sub muted">{text.witness.intro}</p>
      </header>
      <p className="relay-line" data-testid="relay-line">
        {relayLine(status, language)}
      </p>
      {watching && (
        <ul className="event-list small" aria-label={text.witness.title}>
          {status.crashUploads.length === 0 ? (
            <li className="muted">{text.witness.noUploads}</li>
          ) : (
            status.crashUploads
              .slice(0, 3)
              .map(upload => <li key={upload.firstSeen}>{crashUploadLine(upload, language)}</li>)
          )}
        </ul>
      )}
      {watching && <p className="small muted">{text.witness.missable(status.intervalSeconds)}</p>}
      {status.notices.length > 0 && (
        <details className="small">
          <summary>{text.witness.cannotSee}</summary>
          <ul>
            {status.notices.map(notice => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        </details>
      )}
      {status.ownCalls.length > 0 && (
        <details className="small">
          <summary>{text.witness.ownCalls}</summary>
          <ul>
            {status.ownCalls.map(call => (
              <li key={call}>{call}</li>
            ))}
          </ul>
        </details>
      )}
    </article>
  )
}
