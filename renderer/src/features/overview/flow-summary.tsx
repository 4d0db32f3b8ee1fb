import type { SwitchState } from '../../../../electron/common/switches/switch-types'
import { StateBadge } from '../../components/state-badge'
import { useLanguage, useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'
import { isFlowing, type FlowGroup } from '../../store/selectors/switch-selectors'

/** The state of a whole flow: flowing if any of its switches lets data out. */
export function flowState(group: FlowGroup): SwitchState {
  const states = group.switches.map(view => view.state)
  if (states.some(isFlowing)) {
    return 'on'
  }
  if (states.includes('off')) {
    return 'off'
  }
  return states.includes('unknown') ? 'unknown' : 'unavailable'
}

/** Props of FlowSummary. */
export interface FlowSummaryProps {
  readonly groups: readonly FlowGroup[]
}

/** Every flow in one compact list with its state, each a link to its card below. */
export function FlowSummary({ groups }: FlowSummaryProps) {
  const text = useText()
  const language = useLanguage()
  const flows = useAppStore(s => s.catalog.flows)
  return (
    <nav aria-label={text.flow.summary}>
      <ul className="flow-summary">
        {groups.map(group => (
          <li key={group.flow}>
            <a href={`#overview-${group.flow}`}>
              <span>
                {group.flow === 'other'
                  ? text.flow.other
                  : (flows[group.flow]?.title[language] ?? group.flow)}
              </span>
              <StateBadge state={flowState(group)} />
            </a>
          </li>
        ))}
        <li>
          <a href="#still-flows">
            <span>{text.verify.stillFlows}</span>
            <span className="badge tone-neutral">{text.flow.always}</span>
          </a>
        </li>
      </ul>
    </nav>
  )
}
