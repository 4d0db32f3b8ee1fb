import type {
  LibraryType,
  SettingValue,
  SwitchEntry,
  SwitchTarget,
} from '../../common/switches/switch-types'
import type { LiveState } from './live-state'
import { targetKey, type TargetRef } from './target-keys'
import { targetPosition, type TargetPosition } from './target-position'

export type { TargetPosition } from './target-position'

/** One target of a switch as found on this server, with its live value. */
export interface TargetInstance {
  readonly ref: TargetRef
  readonly key: string
  readonly label: string
  readonly target: SwitchTarget
  readonly value: SettingValue
  /** The server's own default, where the server reports one. */
  readonly defaultValue: SettingValue | null
  readonly position: TargetPosition
  /** The library type, for library targets. */
  readonly libraryType: LibraryType | null
}

/** A target that cannot be read here, and why. */
export interface MissingTarget {
  readonly target: SwitchTarget
  readonly reason: string
  /** `unknown` when the account could not be reached; `unavailable` when this server lacks it. */
  readonly state: 'unavailable' | 'unknown'
}

/** The targets of one switch on this server. */
export interface ResolvedSwitch {
  readonly entry: SwitchEntry
  readonly instances: readonly TargetInstance[]
  readonly missing: readonly MissingTarget[]
}

const libraryTypes: readonly string[] = ['movie', 'show', 'artist', 'photo']

/** Finds every target of a switch in the live state (server prefs by id or alias, each library, the account). */
export function resolveSwitch(entry: SwitchEntry, live: LiveState): ResolvedSwitch {
  const instances: TargetInstance[] = []
  const missing: MissingTarget[] = []
  for (const target of entry.targets) {
    switch (target.kind) {
      case 'server-pref': {
        const id = [target.prefId, ...(target.aliases ?? [])].find(candidate =>
          live.prefs.has(candidate),
        )
        const setting = id === undefined ? undefined : live.prefs.get(id)
        if (id === undefined || setting === undefined) {
          missing.push({
            target,
            reason: `this server has no setting ${target.prefId}`,
            state: 'unavailable',
          })
          break
        }
        const ref: TargetRef = { kind: 'server-pref', prefId: id }
        instances.push({
          ref,
          key: targetKey(ref),
          label: id,
          target,
          value: setting.value,
          defaultValue: setting.default,
          position: targetPosition(target, setting.value),
          libraryType: null,
        })
        break
      }
      case 'library-pref':
      case 'library-agent': {
        const libraries = live.libraries.filter(library =>
          (target.libraryTypes as readonly string[]).includes(library.section.type),
        )
        let found = 0
        for (const library of libraries) {
          const { section } = library
          const libraryType = libraryTypes.includes(section.type)
            ? (section.type as LibraryType)
            : null
          const where = `${section.title} (library ${section.key})`
          if (target.kind === 'library-agent') {
            const ref: TargetRef = { kind: 'library-agent', section: section.key }
            found += 1
            instances.push({
              ref,
              key: targetKey(ref),
              label: `${where}: agent`,
              target,
              value: section.agent,
              defaultValue: null,
              position: targetPosition(target, section.agent),
              libraryType,
            })
            continue
          }
          const setting = library.prefs.get(target.prefId)
          if (setting === undefined) {
            continue
          }
          const ref: TargetRef = {
            kind: 'library-pref',
            section: section.key,
            prefId: target.prefId,
          }
          found += 1
          instances.push({
            ref,
            key: targetKey(ref),
            label: `${where}: ${target.prefId}`,
            target,
            value: setting.value,
            defaultValue: setting.default,
            position: targetPosition(target, setting.value),
            libraryType,
          })
        }
        if (found === 0) {
          const what =
            target.kind === 'library-agent'
              ? 'libraries'
              : `libraries with the setting ${target.prefId}`
          missing.push({
            target,
            reason: `no ${target.libraryTypes.join('/')} ${what} on this server`,
            state: 'unavailable',
          })
        }
        break
      }
      case 'account-privacy':
      case 'account-opt-out':
      case 'account-view-state-sync': {
        const accountProblem = (reason: string) =>
          missing.push({ target, reason, state: 'unknown' })
        const account = live.account
        if (account === null) {
          accountProblem(
            `the plex.tv account cannot be checked: ${live.accountProblem ?? 'not read'}`,
          )
          break
        }
        if (target.kind === 'account-privacy') {
          if (!account.privacy.ok) {
            accountProblem(account.privacy.error.message)
            break
          }
          const ref: TargetRef = { kind: 'account-privacy', field: target.field }
          const optedOut = account.privacy.value[target.field]
          instances.push(
            accountInstance(
              ref,
              `plex.tv account: ${target.field}`,
              target,
              optedOut,
              targetPosition(target, optedOut),
            ),
          )
        } else if (target.kind === 'account-opt-out') {
          if (!account.optOuts.ok) {
            accountProblem(account.optOuts.error.message)
            break
          }
          const value = account.optOuts.value[target.key]
          if (value === undefined) {
            missing.push({
              target,
              reason: `the account has no online source ${target.key}`,
              state: 'unavailable',
            })
            break
          }
          const ref: TargetRef = { kind: 'account-opt-out', key: target.key }
          instances.push(
            accountInstance(
              ref,
              `plex.tv account: ${target.key}`,
              target,
              value,
              targetPosition(target, value),
            ),
          )
        } else {
          if (!account.viewStateSync.ok) {
            accountProblem(account.viewStateSync.error.message)
            break
          }
          const ref: TargetRef = { kind: 'account-view-state-sync' }
          const consent = account.viewStateSync.value
          instances.push(
            accountInstance(
              ref,
              'plex.tv account: view state sync',
              target,
              consent,
              targetPosition(target, consent),
            ),
          )
        }
        break
      }
    }
  }
  return { entry, instances, missing }
}

function accountInstance(
  ref: TargetRef,
  label: string,
  target: SwitchTarget,
  value: SettingValue,
  position: TargetPosition,
): TargetInstance {
  return {
    ref,
    key: targetKey(ref),
    label,
    target,
    value,
    defaultValue: null,
    position,
    libraryType: null,
  }
}
