import { citePolicyItem } from '../../../../electron/common/policy/policy-item'
import type { SwitchEntry } from '../../../../electron/common/switches/switch-types'
import { useLanguage, useText } from '../../i18n/use-text'

/** Props of SwitchFacts. */
export interface SwitchFactsProps {
  readonly entry: SwitchEntry
}

/** What a switch lets leave, to whom, why, under which policy item, and what breaks when off. */
export function SwitchFacts({ entry }: SwitchFactsProps) {
  const text = useText()
  const language = useLanguage()
  return (
    <dl className="kv">
      <dt>{text.flow.what}</dt>
      <dd>{entry.data[language]}</dd>
      <dt>{text.flow.toWhom}</dt>
      <dd>{entry.recipient[language]}</dd>
      <dt>{text.flow.why}</dt>
      <dd>{entry.purpose[language]}</dd>
      <dt>{text.flow.policy}</dt>
      <dd>
        {entry.policyItems.length === 0
          ? text.common.none
          : entry.policyItems.map(item => citePolicyItem(item, language)).join('; ')}
      </dd>
      <dt>{text.flow.breaks}</dt>
      <dd>{entry.breaks[language]}</dd>
      {entry.caveat && (
        <>
          <dt>{text.flow.caveat}</dt>
          <dd>{entry.caveat[language]}</dd>
        </>
      )}
    </dl>
  )
}
