import type { SwitchState } from '../../../electron/common/switches/switch-types'
import { useText } from '../i18n/use-text'
import { Icon, type IconName } from './icon'

const looks: Readonly<Record<SwitchState, { tone: string; icon: IconName }>> = {
  on: { tone: 'tone-warn', icon: 'alert' },
  mixed: { tone: 'tone-warn', icon: 'alert' },
  off: { tone: 'tone-ok', icon: 'check' },
  unavailable: { tone: 'tone-neutral', icon: 'minus' },
  unknown: { tone: 'tone-neutral', icon: 'question' },
}

/** Props of StateBadge. */
export interface StateBadgeProps {
  readonly state: SwitchState
}

/** A switch's state as a badge: colour, icon and words ("Data flows", "Stopped"). */
export function StateBadge({ state }: StateBadgeProps) {
  const text = useText()
  const look = looks[state]
  return (
    <span className={`badge ${look.tone}`}>
      <Icon name={look.icon} size={14} />
      {text.stateMeaning[state]}
    </span>
  )
}
