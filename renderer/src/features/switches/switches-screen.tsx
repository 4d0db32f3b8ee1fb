import { Page } from '../../app/page'
import { Icon } from '../../components/icon'
import { LoadableView } from '../../components/loadable-view'
import { useLanguage, useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'
import { switchSelectors } from '../../store/selectors/switch-selectors'
import { PlanPreview } from './plan-preview'
import { ProfilePicker } from './profile-picker'
import { SwitchRow } from './switch-row'

/** Every switch, grouped by data flow, with profiles, a preview before apply, and Undo. */
export function SwitchesScreen() {
  const text = useText()
  const language = useLanguage()
  const switchboard = useAppStore(s => s.switchboard)
  const groups = useAppStore(switchSelectors.flowGroups)
  const flows = useAppStore(s => s.catalog.flows)
  const busy = useAppStore(s => s.changing !== null)
  const undo = useAppStore(s => s.undoRequested)
  const reload = useAppStore(s => s.switchesRequested)
  return (
    <Page
      title={text.switches.title}
      intro={text.switches.intro}
      actions={
        <button
          type="button"
          className="button"
          disabled={busy}
          title={text.switches.undoHint}
          onClick={() => void undo()}
        >
          <Icon name="undo" size={16} />
          {text.common.undo}
        </button>
      }
    >
      <ProfilePicker />
      <PlanPreview />
      <LoadableView loadable={switchboard} onRetry={() => void reload()}>
        {() =>
          groups.map(group => {
            const flow = group.flow === 'other' ? undefined : flows[group.flow]
            const headingId = `flow-${group.flow}`
            return (
              <section key={group.flow} className="card" aria-labelledby={headingId}>
                <div>
                  <h2 id={headingId}>{flow?.title[language] ?? text.flow.other}</h2>
                  {flow && <p className="sub muted">{flow.description[language]}</p>}
                </div>
                <ul className="switch-list">
                  {group.switches.map(view => (
                    <SwitchRow key={view.id} view={view} />
                  ))}
                </ul>
              </section>
            )
          })
        }
      </LoadableView>
    </Page>
  )
}
