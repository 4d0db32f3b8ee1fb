import { appError, type AppError } from '../../../common/api/errors'
import type { SettingValue, SwitchTarget } from '../../../common/switches/switch-types'
import { err, ok, type Result } from '../../../common/util/result'
import { parsePlexBool } from '../../server/plex-values'
import type { LiveAccount, LiveState } from '../live-state'
import type { ResolvedTarget, TargetInstance } from './target-adapter'

/**
 * Resolves an account target from its part of the account as read: `unknown` (with the reason)
 * when the account or that part could not be read, else what `found` makes of the value.
 */
export function resolveAccountTarget<V>(
  target: SwitchTarget,
  live: LiveState,
  part: (account: LiveAccount) => Result<V, AppError>,
  found: (value: V) => ResolvedTarget,
): ResolvedTarget {
  const unknown = (reason: string): ResolvedTarget => ({
    instances: [],
    missing: [{ target, reason, state: 'unknown' }],
  })
  if (live.account === null) {
    return unknown(`the plex.tv account cannot be checked: ${live.accountProblem ?? 'not read'}`)
  }
  const read = part(live.account)
  return read.ok ? found(read.value) : unknown(read.error.message)
}

/** An account instance: the account reports no defaults and has no libraries. */
export function accountInstance(
  fields: Pick<TargetInstance, 'ref' | 'key' | 'label' | 'target' | 'value' | 'position'>,
): ResolvedTarget {
  return { instances: [{ ...fields, defaultValue: null, libraryType: null }], missing: [] }
}

/** A flag the account takes as a boolean, from a value given as text or number. */
export function accountFlag(value: SettingValue, what: string): Result<boolean, AppError> {
  const flag = parsePlexBool(value)
  return flag === undefined
    ? err(appError('invalidInput', `${what} takes true or false, not "${String(value)}"`))
    : ok(flag)
}
