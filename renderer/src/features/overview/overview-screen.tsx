import { useMemo } from 'react'
import { Page } from '../../app/page'
import { Icon } from '../../components/icon'
import { useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'
import { isFlowing, switchSelectors } from '../../store/selectors/switch-selectors'
import { FlowCard } from './flow-card'
import { OverallBanner } from './overall-banner'

/** The overall state, then every data flow as a card, the ones that flow first. */
export function OverviewScreen() {
  const text = useText()
  const groups = useAppStore(switchSelectors.flowGroups)
  const tail = useAppStore(s => s.tailStatus)
  const ordered = useMemo(() => {
    const rank = (flowing: boolean, available: boolean) => (flowing ? 0 : available ? 1 : 2)
    return [...groups].sort(
      (a, b) =>
        rank(
          a.switches.some(v => isFlowing(v.state)),
          a.switches.some(v => v.state === 'off'),
        ) -
        rank(
          b.switches.some(v => isFlowing(v.state)),
          b.switches.some(v => v.state === 'off'),
        ),
    )
  }, [groups])
  return (
    <Page title={text.nav.overview}>
      <OverallBanner />
      {tail?.debugLogging === false && (
        <p className="callout tone-warn row">
          <Icon name="alert" />
          {text.log.debugOff}
        </p>
      )}
      <div className="card-grid">
        {ordered.map(group => (
          <FlowCard key={group.flow} group={group} />
        ))}
      </div>
    </Page>
  )
}
