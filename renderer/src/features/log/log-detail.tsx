import { useLanguage, useText } from '../../i18n/use-text'
import { citePolicyKey } from '../../lib/cite-policy-key'
import type { StoredEventView } from '../../../../electron/common/api/log-schemas'
import { formatBytes, formatDateTime } from '../../lib/format'
import { useAppStore } from '../../store/app-store-context'
import { logSelectors } from '../../store/selectors/log-selectors'

/** Everything Hush recorded about the selected event (already redacted by the core). */
export function LogDetail() {
  const text = useText()
  const language = useLanguage()
  const event = useAppStore(logSelectors.selectedEvent)
  // A connection the operating system showed (the second witness), not a line of the log.
  const connection = (event as Partial<StoredEventView> | undefined)?.connection
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
          {connection ? (
            <dd>
              {text.witness.filterNetwork}: {connection.process}
              {connection.pid === null ? '' : ` (pid ${connection.pid})`} →{' '}
              <span className="mono">
                {connection.remoteAddress}:{connection.remotePort}
              </span>
              <br />
              {formatDateTime(connection.firstSeen, language)} –{' '}
              {connection.closedAt ? formatDateTime(connection.closedAt, language) : '…'}
              {connection.bytesSent !== null &&
                ` · ${formatBytes(connection.bytesSent)} ↑ ${formatBytes(connection.bytesReceived ?? 0)} ↓`}
            </dd>
          ) : (
            <dd className="mono">
              {event.source.file}:{event.source.line}
            </dd>
          )}
        </dl>
      ) : (
        <p className="muted small">{text.log.noneSelected}</p>
      )}
    </aside>
  )
}
