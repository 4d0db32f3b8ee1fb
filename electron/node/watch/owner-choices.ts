import type { SwitchStatus } from '../../common/api/switch-schemas'
import type { ProfileId } from '../../common/switches/switch-types'
import type { HistoryEntry } from '../switches/switch-store'

/** What the owner wants per switch: the last profile applied, then the `set`s made after it. */
export interface OwnerChoices {
  readonly profile: ProfileId | null
  readonly wants: ReadonlyMap<string, 'on' | 'off'>
}

const setCommand = /^set (\S+) (on|off)\b/

/**
 * Walks the open (not undone) history of one server, oldest first: a profile apply replaces every
 * choice with the profile's; a later `set` overrides one switch. Enforcement and reverts restore
 * choices and so change none. An undone entry (including a timed exception whose time is up) no
 * longer counts, which is what the owner expects after an undo.
 */
export function ownerChoices(
  history: readonly HistoryEntry[],
  switches: readonly SwitchStatus[],
): OwnerChoices {
  let profile: ProfileId | null = null
  const wants = new Map<string, 'on' | 'off'>()
  for (const entry of history) {
    if (entry.undoneAt !== null) {
      continue
    }
    if (entry.profile !== null && !entry.command.startsWith('enforce')) {
      profile = entry.profile
      wants.clear()
      // The profiles as resolved against the live defaults (a `default` choice becomes on or off).
      for (const status of switches) {
        const choice = status.profiles[entry.profile]
        if (choice === 'on' || choice === 'off') {
          wants.set(status.id, choice)
        }
      }
      continue
    }
    const set = setCommand.exec(entry.command)
    if (set?.[1] !== undefined && (set[2] === 'on' || set[2] === 'off')) {
      wants.set(set[1], set[2])
    }
  }
  return { profile, wants }
}
