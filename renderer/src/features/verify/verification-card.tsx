import type { VerifyReport } from '../../../../electron/common/api/preview-schemas'
import { Icon, type IconName } from '../../components/icon'
import { useLanguage, useText } from '../../i18n/use-text'
import { formatDateTime } from '../../lib/format'
import { useAppStore } from '../../store/app-store-context'

type Verification = VerifyReport['results'][number]

/** Events since listed on the card; the report has them all. */
const shownEvents = 5

const looks: Readonly<Record<Verification['verdict'], { tone: string; icon: IconName }>> = {
  verified: { tone: 'tone-ok', icon: 'check' },
  leaking: { tone: 'tone-bad', icon: 'alert' },
  'no-evidence': { tone: 'tone-neutral', icon: 'question' },
}

/** Props of VerificationCard. */
export interface VerificationCardProps {
  readonly result: Verification
}

/** The evidence for one switch that is off: the verdict, when it went off, before and since. */
export function VerificationCard({ result }: VerificationCardProps) {
  const text = useText()
  const language = useLanguage()
  const entry = useAppStore(s => s.catalog.switches.find(e => e.id === result.switchId))
  const look = looks[result.verdict]
  const headingId = `verify-${result.switchId}`
  return (
    <article className="card" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId}>{entry?.title[language] ?? result.switchId}</h2>
        <span className={`badge ${look.tone}`}>
          <Icon name={look.icon} size={14} />
          {text.verify.verdicts[result.verdict]}
        </span>
      </div>
      <p>{result.note}</p>
      <dl className="kv">
        <dt>{text.verify.offSince}</dt>
        <dd>{result.offSince ? formatDateTime(result.offSince, language) : text.common.unknown}</dd>
        <dt>{text.verify.lastBefore}</dt>
        <dd>
          {result.lastBefore ? (
            <span className="mono">
              {formatDateTime(result.lastBefore.time, language)} · {result.lastBefore.host}
            </span>
          ) : (
            text.common.none
          )}
        </dd>
        <dt>{text.verify.since}</dt>
        <dd>{text.verify.eventsSince(result.eventsSince.length)}</dd>
      </dl>
      {result.eventsSince.length > 0 && (
        <ul className="event-list small">
          {result.eventsSince.slice(0, shownEvents).map(event => (
            <li key={event.id} className="mono">
              {formatDateTime(event.time, language)} · {event.method} {event.url}
            </li>
          ))}
        </ul>
      )}
      {result.eventsSince.length > shownEvents && (
        <p className="small muted">{text.verify.more(result.eventsSince.length - shownEvents)}</p>
      )}
    </article>
  )
}
