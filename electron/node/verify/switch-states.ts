import type { SwitchStatus } from '../../common/api/switch-schemas'
import type { SwitchEntry } from '../../common/switches/switch-types'
import { catalogTarget, parseTargetKey, targetPosition } from '../switches/targets/target-adapters'
import type { StateTimeline, ValueBasis } from './state-timeline'

/** A switch's state at a past moment, as far as the log and Hush's readings tell. */
export type PastState = 'on' | 'off' | 'unknown'

/** Since when a switch has been off without a break, and how Hush knows. */
export interface OffSince {
  readonly at: number
  readonly basis: ValueBasis
}

/** Every switch's state over time. */
export interface SwitchStates {
  stateAt(switchId: string, at: number): PastState
  /** The start of the stretch of `off` that reaches `now`, or null when it is not off at `now`. */
  offSince(switchId: string, now: number): OffSince | null
}

/** The switches' states over time, from their targets' values on the timeline. */
export function switchStates(
  catalog: readonly SwitchEntry[],
  statuses: readonly SwitchStatus[],
  timeline: StateTimeline,
): SwitchStates {
  const entries = new Map(catalog.map(entry => [entry.id, entry]))
  const keysOf = new Map(statuses.map(status => [status.id, status.targets.map(t => t.key)]))

  function positions(switchId: string, at: number): { state: PastState; basis: ValueBasis } {
    const entry = entries.get(switchId)
    const keys = keysOf.get(switchId) ?? []
    if (entry === undefined || keys.length === 0) {
      return { state: 'unknown', basis: 'hush' }
    }
    let off = 0
    let basis: ValueBasis = 'hush'
    for (const key of keys) {
      const ref = parseTargetKey(key)
      const target = ref === undefined ? undefined : catalogTarget(entry, ref)
      const known = timeline.valueAt(key, at)
      if (target === undefined || !known.known || known.value === null) {
        continue
      }
      if (targetPosition(target, known.value) !== 'off') {
        return { state: 'on', basis: known.basis }
      }
      off++
      basis = known.basis === 'server-log' ? 'server-log' : basis
    }
    return { state: off === keys.length ? 'off' : 'unknown', basis }
  }

  return {
    stateAt: (switchId, at) => positions(switchId, at).state,
    offSince(switchId, now) {
      if (positions(switchId, now).state !== 'off') {
        return null
      }
      const points = [
        ...new Set((keysOf.get(switchId) ?? []).flatMap(key => timeline.changePoints(key))),
      ]
        .filter(point => point < now)
        .sort((a, b) => b - a)
      let since = now
      for (const point of points) {
        // Between two change points nothing changes: the middle and the point itself decide.
        const middle = point + (since - point) / 2
        if (
          positions(switchId, middle).state !== 'off' ||
          positions(switchId, point).state !== 'off'
        ) {
          break
        }
        since = point
      }
      return { at: since, basis: positions(switchId, since).basis }
    },
  }
}
