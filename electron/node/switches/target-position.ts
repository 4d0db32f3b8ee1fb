import type { SettingValue, SwitchEntry, SwitchTarget } from '../../common/switches/switch-types'
import { sameSettingValue } from '../server/plex-values'
import type { TargetRef } from './target-keys'

/** Where a target's value sits relative to its switch: on, off, or neither (an odd value). */
export type TargetPosition = 'on' | 'off' | 'other'

/**
 * The position of a value of a target: off at the target's off value (a local agent, an opt-out),
 * on at its on value (any text but the empty one for a free-text pref), `other` for anything else.
 */
export function targetPosition(target: SwitchTarget, value: SettingValue): TargetPosition {
  switch (target.kind) {
    case 'server-pref':
    case 'library-pref':
      if (sameSettingValue(value, target.off)) {
        return 'off'
      }
      return target.on === null || sameSettingValue(value, target.on) ? 'on' : 'other'
    case 'library-agent':
      return target.localAgents.includes(String(value)) ? 'off' : 'on'
    case 'account-privacy':
      // The account stores the opt-out: opted out is the switch off.
      return sameSettingValue(value, true) ? 'off' : 'on'
    case 'account-opt-out':
      return value === 'opt_in' ? 'on' : 'off'
    case 'account-view-state-sync':
      return sameSettingValue(value, true) ? 'on' : 'off'
  }
}

/** The catalog target of a switch that a target reference stands for, if it has one. */
export function catalogTarget(entry: SwitchEntry, ref: TargetRef): SwitchTarget | undefined {
  return entry.targets.find(target => {
    switch (ref.kind) {
      case 'server-pref':
        return (
          target.kind === 'server-pref' &&
          (target.prefId === ref.prefId || (target.aliases ?? []).includes(ref.prefId))
        )
      case 'library-pref':
        return target.kind === 'library-pref' && target.prefId === ref.prefId
      case 'library-agent':
        return target.kind === 'library-agent'
      case 'account-privacy':
        return target.kind === 'account-privacy' && target.field === ref.field
      case 'account-opt-out':
        return target.kind === 'account-opt-out' && target.key === ref.key
      case 'account-view-state-sync':
        return target.kind === 'account-view-state-sync'
    }
  })
}
