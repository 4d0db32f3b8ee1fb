import { citePolicyItem } from '../../../../electron/common/policy/policy-item'
import { Icon } from '../../components/icon'
import { StateBadge } from '../../components/state-badge'
import { SwitchToggle } from '../../components/switch-toggle'
import { useLanguage, useText } from '../../i18n/use-text'
import { formatTime, formatValue } from '../../lib/format'
import { useAppStore } from '../../store/app-store-context'
import type { SwitchView } from '../../store/selectors/switch-selectors'
import { SwitchFacts } from './switch-facts'

/** Props of SwitchRow. */
export interface SwitchRowProps {
  readonly view: SwitchView
}

/** The title a switch is shown (and named) by: the catalog's, or its id when the catalog lacks it. */
export function useSwitchTitle(view: { readonly id: string; readonly entry: SwitchView['entry'] }) {
  const language = useLanguage()
  return view.entry?.title[language] ?? view.id
}

/** One switch: its state in words, its control, why it may be unavailable, and its details. */
export function SwitchRow({ view }: SwitchRowProps) {
  const text = useText()
  const language = useLanguage()
  const title = useSwitchTitle(view)
  const toggled = useAppStore(s => s.switchToggled)
  const busy = useAppStore(s => s.changing !== null)
  const until = view.status?.until ?? null
  return (
    <li className="switch-row">
      <div className="switch-main">
        <div className="switch-title">
          <h3>{title}</h3>
          <div className="row small">
            <StateBadge state={view.state} />
            {until && (
              <span className="badge tone-neutral">
                <Icon name="clock" size={14} />
                {text.switches.until(formatTime(until, language))}
              </span>
            )}
          </div>
          {view.entry && (
            <p className="small muted switch-breaks">
              <strong>{text.flow.breaks}:</strong> {view.entry.breaks[language]}
              {view.entry.policyItems[0] && (
                <> · {citePolicyItem(view.entry.policyItems[0], language)}</>
              )}
            </p>
          )}
          {view.status?.reason && (view.state === 'unavailable' || view.state === 'unknown') && (
            <p className="muted small">
              {text.switches.reason}: {view.status.reason}
            </p>
          )}
        </div>
        <div className="switch-controls">
          {view.state === 'off' && (
            <button
              type="button"
              className="button small"
              title={text.switches.temporaryHint}
              disabled={busy}
              onClick={() => void toggled(view.id, 'on', 3600)}
            >
              <Icon name="clock" size={14} />
              {text.switches.temporary}
            </button>
          )}
          <SwitchToggle
            title={title}
            state={view.state}
            busy={busy}
            onChange={value => void toggled(view.id, value)}
          />
        </div>
      </div>
      <details className="switch-details">
        <summary>{text.switches.details}</summary>
        <div className="stack">
          {view.entry && <SwitchFacts entry={view.entry} />}
          {view.status && view.status.targets.length > 0 && (
            <table className="table">
              <caption className="visually-hidden">{text.switches.targets}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.switches.targets}</th>
                  <th scope="col">{text.switches.before}</th>
                </tr>
              </thead>
              <tbody>
                {view.status.targets.map(target => (
                  <tr key={target.key}>
                    <td className="mono">{target.label}</td>
                    <td className="mono">{formatValue(target.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </details>
    </li>
  )
}
