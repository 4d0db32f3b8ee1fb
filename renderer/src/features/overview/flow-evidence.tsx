import type { OutboundCategory } from '../../../../electron/common/outbound/categories'
import { useLanguage, useText } from '../../i18n/use-text'
import { formatDateTime } from '../../lib/format'
import { useAppStore } from '../../store/app-store-context'
import { valueOf } from '../../store/loadable'

/** Props of FlowEvidence. */
export interface FlowEvidenceProps {
  readonly categories: readonly OutboundCategory[]
}

/** The newest outbound event of a flow's categories, and how many the log holds. */
export function FlowEvidence({ categories }: FlowEvidenceProps) {
  const text = useText()
  const language = useLanguage()
  const latestByCategory = useAppStore(s => s.latestByCategory)
  const summary = useAppStore(s => valueOf(s.logSummary))
  const latest = categories
    .map(category => latestByCategory[category])
    .filter(event => event !== undefined)
    .sort((a, b) => b.id - a.id)[0]
  const count = (summary?.byCategory ?? [])
    .filter(entry => categories.includes(entry.category))
    .reduce((sum, entry) => sum + entry.count, 0)
  return (
    <div className="evidence">
      <span className="field-label">{text.flow.evidence}</span>
      {latest ? (
        <p className="small">
          <span className="mono">
            {latest.method} {latest.host}
          </span>{' '}
          · {formatDateTime(latest.time, language)} · {text.flow.eventsSeen(count)}
        </p>
      ) : (
        <p className="small muted">{text.flow.noEvidence}</p>
      )}
    </div>
  )
}
