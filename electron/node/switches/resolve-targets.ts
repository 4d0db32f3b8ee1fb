import type { SwitchEntry } from '../../common/switches/switch-types'
import type { LiveState } from './live-state'
import type { MissingTarget, TargetInstance } from './targets/target-adapter'
import { resolveTarget } from './targets/target-adapters'

/** The targets of one switch on this server. */
export interface ResolvedSwitch {
  readonly entry: SwitchEntry
  readonly instances: readonly TargetInstance[]
  readonly missing: readonly MissingTarget[]
}

/** Finds every target of a switch in the live state, each by the adapter of its kind. */
export function resolveSwitch(entry: SwitchEntry, live: LiveState): ResolvedSwitch {
  const resolved = entry.targets.map(target => resolveTarget(target, live))
  return {
    entry,
    instances: resolved.flatMap(target => target.instances),
    missing: resolved.flatMap(target => target.missing),
  }
}
