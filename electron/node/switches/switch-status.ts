import type { SwitchStatus } from '../../common/api/switch-schemas'
import { profileIds, type ProfileId, type SwitchState } from '../../common/switches/switch-types'
import type { ResolvedSwitch } from './resolve-targets'
import type { TargetInstance, TargetPosition } from './targets/target-adapter'
import { targetPosition } from './targets/target-adapters'

/** A switch's state with the reason when it is `unavailable` or `unknown`. */
export function switchState(resolved: ResolvedSwitch): {
  state: SwitchState
  reason: string | null
} {
  const unknown = resolved.missing.find(missing => missing.state === 'unknown')
  if (unknown) {
    return { state: 'unknown', reason: unknown.reason }
  }
  if (resolved.instances.length === 0) {
    const reasons = resolved.missing.map(missing => missing.reason)
    return { state: 'unavailable', reason: reasons.join('; ') || 'nothing to read on this server' }
  }
  return { state: stateOf(resolved.instances.map(instance => instance.position)), reason: null }
}

/** off when every target is off, on when none is, mixed otherwise. */
export function stateOf(positions: readonly TargetPosition[]): SwitchState {
  const off = positions.filter(position => position === 'off').length
  return off === positions.length ? 'off' : off === 0 ? 'on' : 'mixed'
}

/** The position a target's server default has, when the server reports a default. */
export function defaultPosition(instance: TargetInstance): TargetPosition | null {
  return instance.defaultValue === null
    ? null
    : targetPosition(instance.target, instance.defaultValue)
}

/**
 * What a profile does with a switch, resolved against the live defaults: `default` becomes on or
 * off from the `/:/prefs` `default` attributes; with no default reported it keeps the switch.
 */
export function profileValue(resolved: ResolvedSwitch, profile: ProfileId): 'on' | 'off' | 'keep' {
  const choice = resolved.entry.profiles[profile]
  if (choice !== 'default') {
    return choice
  }
  const positions = resolved.instances.map(defaultPosition).filter(position => position !== null)
  if (positions.length === 0) {
    return 'keep'
  }
  return positions.every(position => position === 'off') ? 'off' : 'on'
}

/** The live status of one switch in the contract's shape. */
export function switchStatus(resolved: ResolvedSwitch): SwitchStatus {
  const { state, reason } = switchState(resolved)
  const profiles = Object.fromEntries(
    profileIds.map(profile => [profile, profileValue(resolved, profile)]),
  ) as Record<ProfileId, 'on' | 'off' | 'keep'>
  return {
    id: resolved.entry.id,
    state,
    reason,
    targets: resolved.instances.map(instance => ({
      key: instance.key,
      label: instance.label,
      value: instance.value,
      defaultValue: instance.defaultValue,
    })),
    profiles,
    until: null,
  }
}
