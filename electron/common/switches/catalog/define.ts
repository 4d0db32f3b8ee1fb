import type { LibraryType, ProfileChoice, ProfileId, SwitchTarget } from '../switch-types'

/**
 * A switch's choices under the three Hush profiles; `plex-defaults` always takes the server's own
 * default (docs/privacy-map.md "Profiles").
 */
export function profiles(
  balanced: ProfileChoice,
  privateChoice: ProfileChoice,
  lockdown: ProfileChoice,
): Readonly<Record<ProfileId, ProfileChoice>> {
  return { 'plex-defaults': 'default', balanced, private: privateChoice, lockdown }
}

/** A bool server pref whose on value is `true` (the usual case). */
export function boolPref(prefId: string, aliases?: readonly string[]): SwitchTarget {
  return aliases === undefined
    ? { kind: 'server-pref', prefId, on: true, off: false }
    : { kind: 'server-pref', prefId, aliases, on: true, off: false }
}

/** A bool library pref whose on value is `true`, for the given library types. */
export function boolLibraryPref(
  prefId: string,
  libraryTypes: readonly LibraryType[],
): SwitchTarget {
  return { kind: 'library-pref', prefId, libraryTypes, on: true, off: false }
}
