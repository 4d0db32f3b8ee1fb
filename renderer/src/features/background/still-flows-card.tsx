import type { BackgroundFlowId } from '../../../../electron/common/evidence/background-flows'
import { backgroundFlows } from '../../../../electron/common/evidence/background-flows'
import { citePolicyItems } from '../../../../electron/common/policy/policy-item'
import { useLanguage, useText } from '../../i18n/use-text'
import { formatDateTime } from '../../lib/format'

/** What the log holds of one background flow. */
export interface BackgroundCount {
  readonly flowId: BackgroundFlowId
  readonly count: number
  readonly latest: { readonly time: string; readonly method: string; readonly host: string } | null
}

/** Props of StillFlowsCard. */
export interface StillFlowsCardProps {
  readonly counts: readonly BackgroundCount[]
  /** Upstream requests tied neither to a switch nor to a background flow (Verify only). */
  readonly other?: number
}

/**
 * "Still flows, whatever you choose": the traffic no switch stops — what it is, why nothing stops
 * it, and how much of it the log holds — so that an owner is never told that nothing leaves.
 */
export function StillFlowsCard({ counts, other }: StillFlowsCardProps) {
  const text = useText()
  const language = useLanguage()
  return (
    <section className="card" aria-labelledby="still-flows">
      <h2 id="still-flows">{text.verify.stillFlows}</h2>
      <p className="small muted">{text.verify.stillFlowsIntro}</p>
      <ul className="still-flows">
        {backgroundFlows.map(flow => {
          const seen = counts.find(count => count.flowId === flow.id)
          return (
            <li key={flow.id}>
              <h3>{flow.title[language]}</h3>
              <p className="small">{flow.what[language]}</p>
              <p className="small muted">{flow.why[language]}</p>
              <p className="small">
                {text.verify.requests(seen?.count ?? 0)}
                {seen?.latest && (
                  <>
                    {' · '}
                    <span className="mono">
                      {seen.latest.method} {seen.latest.host}
                    </span>{' '}
                    {formatDateTime(seen.latest.time, language)}
                  </>
                )}
              </p>
              <p className="small muted">{citePolicyItems(flow.policyItems, language)}</p>
            </li>
          )
        })}
      </ul>
      {other !== undefined && other > 0 && (
        <p className="small">{text.verify.otherTraffic(other)}</p>
      )}
    </section>
  )
}
