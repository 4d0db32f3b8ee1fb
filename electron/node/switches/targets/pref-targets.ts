import type { SettingValue } from '../../../common/switches/switch-types'
import { sameSettingValue } from '../../server/plex-values'
import type {
  Desired,
  RememberedValues,
  TargetInstance,
  TargetOf,
  TargetPosition,
} from './target-adapter'

/** A server or library preference: both have an off value and an on value (or free text). */
type PrefTarget = TargetOf<'server-pref'> | TargetOf<'library-pref'>

/**
 * The position of a pref's value: off at its off value, on at its on value (any text but the
 * empty one for a free-text pref), `other` for anything else.
 */
export function prefPosition(target: PrefTarget, value: SettingValue): TargetPosition {
  if (sameSettingValue(value, target.off)) {
    return 'off'
  }
  return target.on === null || sameSettingValue(value, target.on) ? 'on' : 'other'
}

/**
 * What to write to a pref: its off or on value; a free-text pref has no on value of its own, so
 * turning it on restores what it held before Hush turned it off, or says there is none.
 */
export function prefDesired(
  target: PrefTarget,
  instance: TargetInstance,
  wish: 'on' | 'off',
  remembered: RememberedValues,
): Desired {
  if (wish === 'off') {
    return { value: target.off }
  }
  if (target.on !== null) {
    return { value: target.on }
  }
  if (instance.position === 'on') {
    return null
  }
  const earlier = remembered[instance.key]
  return earlier === undefined
    ? { skip: `${instance.label} has no earlier value to restore; set it on the server itself` }
    : { value: earlier }
}
