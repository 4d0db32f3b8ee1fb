import { useMemo } from 'react'
import { Page } from '../../app/page'
import { Icon } from '../../components/icon'
import { useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'
import { StillFlowsCard } from '../background/still-flows-card'
import { switchSelectors } from '../../store/selectors/switch-selectors'
import { FlowCard } from './flow-card'
import { FlowSummary, flowState } from './flow-summary'
import { OverallBanner } from './overall-banner'
import { RelayCard } from './relay-card'

/** The overall state, every data flow as a card (the ones that flow first), then what flows whatever the switches say. */
export function OverviewScreen() {
  const text = useText()
  const groups = useAppStore(switchSelectors.flowGroups)
  const tail = useAppStore(s => s.tailStatus)
  const background = useAppStore(s => s.evidence?.background)
  const ordered = useMemo(() => {
    const rank = { on: 0, mixed: 0, off: 1, unknown: 2, unavailable: 3 } as const
    return [...groups].sort((a, b) => rank[flowState(a)] - rank[flowState(b)])
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
      <FlowSummary groups={ordered} />
      <RelayCard />
      <div className="card-grid">
        {ordered.map(group => (
          <FlowCard key={group.flow} group={group} />
        ))}
      </div>
      <StillFlowsCard counts={background ?? []} />
    </Page>
  )
}
