import { useLanguage, useText } from '../../i18n/use-text'
import { citePolicyKey } from '../../lib/cite-policy-key'
import { formatDateTime } from '../../lib/format'
import { useAppStore } from '../../store/app-store-context'
import { logSelectors } from '../../store/selectors/log-selectors'

/** Everything Hush recorded about the selected event (already redacted by the core). */
export function LogDetail() {
  const text = useText()
  const language = useLanguage()
  const event = useAppStore(logSelectors.selectedEvent)
  return (
    <aside className="card log-detail" aria-labelledby="log-detail-title">
      <h2 id="log-detail-title">{text.log.detail}</h2>
      {event ? (
        <dl className="kv">
          <dt>{text.log.columns.time}</dt>
          <dd>{formatDateTime(event.time, language)}</dd>
          <dt>{text.log.columns.method}</dt>
          <dd className="mono">{event.method}</dd>
          <dt>{text.log.url}</dt>
          <dd className="mono">{event.url}</dd>
          <dt>{text.log.columns.host}</dt>
          <dd className="mono">{event.host}</dd>
          <dt>{text.log.service}</dt>
          <dd>{event.service}</dd>
          <dt>{text.log.columns.category}</dt>
          <dd>{text.categories[event.category]}</dd>
          <dt>{text.flow.policy}</dt>
          <dd>{event.policyItem ? citePolicyKey(event.policyItem, language) : text.common.none}</dd>
          <dt>{text.log.upstream}</dt>
          <dd>{event.upstream ? text.common.yes : text.common.no}</dd>
          <dt>{text.log.columns.status}</dt>
          <dd>{event.status ?? '—'}</dd>
          {event.error && (
            <>
              <dt>{text.log.error}</dt>
              <dd>{event.error}</dd>
            </>
          )}
          <dt>{text.log.source}</dt>
          <dd className="mono">
            {event.source.file}:{event.source.line}
          </dd>
        </dl>
      ) : (
        <p className="muted small">{text.log.noneSelected}</p>
      )}
    </aside>
  )
}
