import type { OutboundEventView } from '../../../../electron/common/api/log-schemas'
import type { Verification } from '../../../../electron/common/api/verify-schemas'
import { verdictNote } from '../../../../electron/common/evidence/verdict-texts'
import { Icon, type IconName } from '../../components/icon'
import { useLanguage, useText } from '../../i18n/use-text'
import { formatDateTime } from '../../lib/format'
import { useAppStore } from '../../store/app-store-context'

/** Requests listed on the card; the report has them all. */
const shownEvents = 5

const looks: Readonly<Record<Verification['verdict'], { tone: string; icon: IconName }>> = {
  verified: { tone: 'tone-ok', icon: 'check' },
  leaking: { tone: 'tone-bad', icon: 'alert' },
  ambiguous: { tone: 'tone-warn', icon: 'alert' },
  'no-evidence': { tone: 'tone-neutral', icon: 'question' },
  'not-visible': { tone: 'tone-neutral', icon: 'question' },
}

/** Props of VerificationCard. */
export interface VerificationCardProps {
  readonly result: Verification
}

function RequestList({
  events,
  total,
}: {
  readonly events: readonly OutboundEventView[]
  readonly total: number
}) {
  const text = useText()
  const language = useLanguage()
  return (
    <>
      <ul className="event-list small">
        {events.slice(0, shownEvents).map(event => (
          <li key={event.id} className="mono">
            {formatDateTime(event.time, language)} · {event.method} {event.url}
          </li>
        ))}
      </ul>
      {total > shownEvents && (
        <p className="small muted">{text.verify.more(total - shownEvents)}</p>
      )}
    </>
  )
}

/** The evidence for one switch that is off: the verdict, why, since when, and what was sent. */
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
      <p>{verdictNote(result, language)}</p>
      {result.offSince !== null && (
        <dl className="kv">
          <dt>{text.verify.offSince}</dt>
          <dd>
            {formatDateTime(result.offSince, language)}
            {result.offBasis && (
              <span className="muted"> — {text.verify.offBasis[result.offBasis]}</span>
            )}
          </dd>
          <dt>{text.verify.coverage}</dt>
          <dd>{text.verify.minutes(result.coveredMinutes ?? 0)}</dd>
          <dt>{text.verify.lastBefore}</dt>
          <dd>
            {result.lastBefore ? (
              <span className="mono">
                {formatDateTime(result.lastBefore.time, language)} · {result.lastBefore.method}{' '}
                {result.lastBefore.host}
              </span>
            ) : (
              text.verify.noneBefore
            )}
            {result.countBefore > 0 && (
              <span className="muted"> ({text.verify.countBefore(result.countBefore)})</span>
            )}
          </dd>
        </dl>
      )}
      {result.witnesses?.connections && (
        <dl className="kv" data-testid={`witnesses-${result.switchId}`}>
          <dt>{text.witness.restsOn}</dt>
          <dd>
            {result.witnesses.restsOn.length === 0
              ? text.witness.neither
              : result.witnesses.restsOn
                  .map(name => text.witness.witnesses[name])
                  .join(language === 'zh' ? '、' : ' + ')}
          </dd>
          <dt>{text.witness.connectionsOf(result.witnesses.connections.process)}</dt>
          <dd>
            {result.witnesses.connections.scope === 'now'
              ? text.witness.lookedNow(result.witnesses.connections.count)
              : text.witness.watched(
                  text.verify.minutes(result.witnesses.connections.coveredMinutes),
                  result.witnesses.connections.count,
                )}
          </dd>
        </dl>
      )}
      {result.leakCount > 0 && (
        <>
          <p className="small">{text.verify.sent(result.leakCount)}</p>
          <RequestList events={result.leaks} total={result.leakCount} />
        </>
      )}
      {result.ambiguousCount > 0 && (
        <>
          <p className="small">{text.verify.sentAmbiguous(result.ambiguousCount)}</p>
          <RequestList events={result.ambiguous} total={result.ambiguousCount} />
        </>
      )}
    </article>
  )
}
