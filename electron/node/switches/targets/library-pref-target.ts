import { appError } from '../../../common/api/errors'
import { err, ok } from '../../../common/util/result'
import { targetLibraries } from './library-targets'
import { prefDesired, prefPosition } from './pref-targets'
import type { TargetAdapter, TargetInstance } from './target-adapter'

/** One library's preference. */
export interface LibraryPrefRef {
  readonly kind: 'library-pref'
  readonly section: string
  readonly prefId: string
}

const key = (ref: LibraryPrefRef) => `library:${ref.section}:pref:${ref.prefId}`

/**
 * A per-library preference, in every library of the target's types that has it: written with
 * `PUT /library/sections/{id}?agent=…&prefs[<prefId>]=<value>`.
 */
export const libraryPrefTarget: TargetAdapter<'library-pref', LibraryPrefRef> = {
  source: 'libraries',
  planOrder: 1,

  resolve(target, live) {
    const instances = targetLibraries(target.libraryTypes, live).flatMap(
      ({ library, libraryType, where }): TargetInstance[] => {
        const setting = library.prefs.get(target.prefId)
        if (setting === undefined) {
          return []
        }
        const ref: LibraryPrefRef = {
          kind: 'library-pref',
          section: library.section.key,
          prefId: target.prefId,
        }
        return [
          {
            ref,
            key: key(ref),
            label: `${where}: ${target.prefId}`,
            target,
            value: setting.value,
            defaultValue: setting.default,
            position: prefPosition(target, setting.value),
            libraryType,
          },
        ]
      },
    )
    const types = target.libraryTypes.join('/')
    const reason = `no ${types} libraries with the setting ${target.prefId} on this server`
    return instances.length > 0
      ? { instances, missing: [] }
      : { instances, missing: [{ target, reason, state: 'unavailable' }] }
  },

  async read(ref, { client }) {
    const prefs = await client.sectionPrefs(ref.section)
    if (!prefs.ok) {
      return prefs
    }
    const setting = prefs.value.find(entry => entry.id === ref.prefId)
    return setting
      ? ok(setting.value)
      : err(appError('settingUnknown', `library ${ref.section} has no setting ${ref.prefId}`))
  },

  // setSection re-reads and re-sends the library's current agent, as PMS requires.
  write: (ref, value, { client }) =>
    client.setSection(ref.section, { prefs: { [ref.prefId]: value } }),

  key,

  parseKey(text) {
    const match = /^library:([^:]+):pref:(.+)$/.exec(text)
    return match?.[1] && match[2]
      ? { kind: 'library-pref', section: match[1], prefId: match[2] }
      : undefined
  },

  matches: (target, ref) => target.prefId === ref.prefId,

  position: prefPosition,

  desired: prefDesired,

  remembers: () => false,

  snapshot: live =>
    Object.fromEntries(
      live.libraries.flatMap(({ section, prefs }) =>
        [...prefs.values()].map(setting => [
          key({ kind: 'library-pref', section: section.key, prefId: setting.id }),
          setting.value,
        ]),
      ),
    ),
}
