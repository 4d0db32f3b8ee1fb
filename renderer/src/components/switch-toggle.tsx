import type { SwitchState } from '../../../electron/common/switches/switch-types'
import { useText } from '../i18n/use-text'

/** Props of SwitchToggle. */
export interface SwitchToggleProps {
  /** The switch's title: the control's accessible name. */
  readonly title: string
  readonly state: SwitchState
  readonly busy: boolean
  readonly onChange: (value: 'on' | 'off') => void
}

/**
 * The control of one privacy switch: role `switch`, named by the switch's title, its state in
 * words beside the track. Unavailable and unknown switches cannot be toggled.
 */
export function SwitchToggle({ title, state, busy, onChange }: SwitchToggleProps) {
  const text = useText()
  const checked = state === 'on' || state === 'mixed'
  const usable = state === 'on' || state === 'off' || state === 'mixed'
  return (
    <button
      type="button"
      role="switch"
      className="toggle"
      aria-checked={checked}
      aria-label={title}
      aria-busy={busy || undefined}
      disabled={!usable || busy}
      onClick={() => onChange(checked ? 'off' : 'on')}
    >
      <span className="toggle-track" aria-hidden="true">
        <span className="toggle-thumb" />
      </span>
      <span className="toggle-text" aria-hidden="true">
        {text.states[state]}
      </span>
    </button>
  )
}
