import { LoadableView } from '../../components/loadable-view'
import { useLanguage, useText } from '../../i18n/use-text'
import { formatValue } from '../../lib/format'
import { useAppStore } from '../../store/app-store-context'

/** The diff of the chosen profile (before → after per setting, and what stops working), and Apply. */
export function PlanPreview() {
  const text = useText()
  const language = useLanguage()
  const plan = useAppStore(s => s.plan)
  const profile = useAppStore(s => s.plannedProfile)
  const profiles = useAppStore(s => s.catalog.profiles)
  const catalog = useAppStore(s => s.catalog.switches)
  const applying = useAppStore(s => s.changing !== null)
  const apply = useAppStore(s => s.planApplied)
  const dismiss = useAppStore(s => s.planDismissed)
  const replan = useAppStore(s => s.profilePlanned)
  if (!profile || plan.status === 'idle') {
    return null
  }
  const titleOf = (id: string) => catalog.find(entry => entry.id === id)?.title[language] ?? id
  const name = profiles[profile].title[language]
  return (
    <section className="card plan" aria-labelledby="plan-title">
      <h2 id="plan-title">{text.switches.planTitle(name)}</h2>
      <LoadableView loadable={plan} onRetry={() => void replan(profile)}>
        {value =>
          value.steps.length === 0 ? (
            <p className="muted">{text.switches.planEmpty}</p>
          ) : (
            <div className="stack">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{text.nav.switches}</th>
                    <th scope="col">{text.switches.setting}</th>
                    <th scope="col">{text.switches.before}</th>
                    <th scope="col">{text.switches.after}</th>
                  </tr>
                </thead>
                <tbody>
                  {value.steps.map(step => (
                    <tr key={`${step.switchId}:${step.target}`}>
                      <td>{titleOf(step.switchId)}</td>
                      <td className="mono">{step.label}</td>
                      <td className="mono">{formatValue(step.before)}</td>
                      <td className="mono">
                        <span aria-hidden="true">→ </span>
                        {formatValue(step.after)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {value.breaks.length > 0 && (
                <div className="callout tone-warn">
                  <h3>{text.switches.whatBreaks}</h3>
                  <ul className="breaks">
                    {value.breaks.map(item => (
                      <li key={item.switchId}>
                        <strong>{titleOf(item.switchId)}</strong>: {item.text}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </div>
          )
        }
      </LoadableView>
      <div className="row">
        <button
          type="button"
          className="button primary"
          disabled={plan.status !== 'ready' || plan.value.steps.length === 0 || applying}
          onClick={() => void apply()}
        >
          {applying ? text.switches.applying : text.common.apply}
        </button>
        <button type="button" className="button" onClick={dismiss}>
          {text.common.cancel}
        </button>
      </div>
    </section>
  )
}
