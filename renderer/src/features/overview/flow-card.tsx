import { StateBadge } from '../../components/state-badge'
import { SwitchToggle } from '../../components/switch-toggle'
import { useLanguage, useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'
import type { FlowGroup } from '../../store/selectors/switch-selectors'
import { SwitchFacts } from '../switches/switch-facts'
import { FlowEvidence } from './flow-evidence'

/** Props of FlowCard. */
export interface FlowCardProps {
  readonly group: FlowGroup
}

/** One data flow: what leaves, to whom, why, the policy item, what breaks, its switch, evidence. */
export function FlowCard({ group }: FlowCardProps) {
  const text = useText()
  const language = useLanguage()
  const flow = useAppStore(s => (group.flow === 'other' ? undefined : s.catalog.flows[group.flow]))
  const toggled = useAppStore(s => s.switchToggled)
  const busy = useAppStore(s => s.changing !== null)
  const headingId = `overview-${group.flow}`
  return (
    <article className="card flow-card" aria-labelledby={headingId}>
      <header>
        <h2 id={headingId}>{flow?.title[language] ?? text.flow.other}</h2>
        {flow && <p className="sub muted">{flow.description[language]}</p>}
      </header>
      {group.switches.map(view => {
        const title = view.entry?.title[language] ?? view.id
        return (
          <div key={view.id} className="flow-switch">
            <div className="flow-switch-head">
              <div className="stack-tight">
                <h3>{title}</h3>
                <StateBadge state={view.state} />
              </div>
              <SwitchToggle
                title={title}
                state={view.state}
                busy={busy}
                onChange={value => void toggled(view.id, value)}
              />
            </div>
            {view.status?.reason && <p className="small muted">{view.status.reason}</p>}
            {view.entry && <SwitchFacts entry={view.entry} />}
            {view.entry && <FlowEvidence entry={view.entry} />}
          </div>
        )
      })}
    </article>
  )
}
