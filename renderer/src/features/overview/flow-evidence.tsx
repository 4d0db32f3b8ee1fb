import { evidenceNote } from '../../../../electron/common/evidence/verdict-texts'
import type { SwitchEntry } from '../../../../electron/common/switches/switch-types'
import { useLanguage, useText } from '../../i18n/use-text'
import { formatDateTime } from '../../lib/format'
import { useAppStore } from '../../store/app-store-context'

/** Props of FlowEvidence. */
export interface FlowEvidenceProps {
  readonly entry: SwitchEntry
}

/**
 * The newest request of a switch's own kinds in the log, and how many the log holds; or why the
 * server's log cannot show this flow at all.
 */
export function FlowEvidence({ entry }: FlowEvidenceProps) {
  const text = useText()
  const language = useLanguage()
  const mine = useAppStore(s => s.evidence?.switches.find(item => item.switchId === entry.id))
  const note = evidenceNote(entry.evidence, language)
  return (
    <div className="evidence">
      <span className="field-label">{text.flow.evidence}</span>
      {note !== null ? (
        <p className="small muted">
          {text.flow.notInLog} {note}
        </p>
      ) : mine?.latest ? (
        <p className="small">
          <span className="mono">
            {mine.latest.method} {mine.latest.host}
          </span>{' '}
          · {formatDateTime(mine.latest.time, language)} · {text.flow.eventsSeen(mine.count)}
        </p>
      ) : (
        <p className="small muted">{text.flow.noEvidence}</p>
      )}
    </div>
  )
}
