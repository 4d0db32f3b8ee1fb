import { useEffect } from 'react'
import { Page } from '../../app/page'
import { Icon } from '../../components/icon'
import { useText } from '../../i18n/use-text'
import { downloadText } from '../../lib/download'
import { useAppStore } from '../../store/app-store-context'
import { logSelectors, maxTableRows } from '../../store/selectors/log-selectors'
import { LogChart } from './log-chart'
import { LogDetail } from './log-detail'
import { LogFilters } from './log-filters'
import { LogSourceLine } from './log-source-line'
import { LogTable } from './log-table'

const formats = ['csv', 'json', 'ndjson'] as const

/** The outbound log: search and facets, the chart, the virtualized table, the detail pane, export. */
export function LogScreen() {
  const text = useText()
  const opened = useAppStore(s => s.logOpened)
  const refreshed = useAppStore(s => s.logRefreshed)
  const exported = useAppStore(s => s.logExportRequested)
  const total = useAppStore(s => s.logView.total)
  const fresh = useAppStore(s => s.logFresh)
  const truncated = useAppStore(logSelectors.truncated)
  const tail = useAppStore(s => s.tailStatus)
  // A server on another machine is pulled, not followed: the source line says so instead.
  const pulled = useAppStore(s => s.logSource?.mode === 'pulled')
  useEffect(() => {
    void opened()
  }, [opened])
  const download = async (format: (typeof formats)[number]) => {
    const file = await exported(format)
    if (file) {
      downloadText(file.fileName, file.content, file.mimeType)
    }
  }
  return (
    <Page
      title={text.log.title}
      intro={tail && !pulled ? text.log.tail[tail.state] : undefined}
      actions={formats.map(format => (
        <button
          key={format}
          type="button"
          className="button small"
          onClick={() => void download(format)}
        >
          <Icon name="download" size={14} />
          {text.log.exportAs(format)}
        </button>
      ))}
    >
      <LogSourceLine />
      {tail?.debugLogging === false && <p className="callout tone-warn">{text.log.debugOff}</p>}
      <section className="card">
        <LogFilters />
        <LogChart />
      </section>
      <div className="row log-count" aria-live="polite">
        <strong>{total === null ? text.common.loading : text.log.events(total)}</strong>
        {truncated && <span className="muted small">{text.log.truncated(maxTableRows)}</span>}
        {fresh > 0 && (
          <button type="button" className="button small" onClick={() => void refreshed()}>
            {text.log.fresh(fresh)}
          </button>
        )}
        {total === 0 && <span className="muted">{text.log.empty}</span>}
      </div>
      <div className="log-body">
        <LogTable />
        <LogDetail />
      </div>
    </Page>
  )
}
