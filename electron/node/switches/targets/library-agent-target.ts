import { appError } from '../../../common/api/errors'
import type { SettingValue } from '../../../common/switches/switch-types'
import { err, ok } from '../../../common/util/result'
import { targetLibraries } from './library-targets'
import type { TargetAdapter, TargetOf, TargetPosition } from './target-adapter'

/** One library's metadata agent. */
export interface LibraryAgentRef {
  readonly kind: 'library-agent'
  readonly section: string
}

const key = (ref: LibraryAgentRef) => `library:${ref.section}:agent`

// Off at a local-only agent, on at any other.
const position = (target: TargetOf<'library-agent'>, value: SettingValue): TargetPosition =>
  target.localAgents.includes(String(value)) ? 'off' : 'on'

/**
 * The metadata agent of every library of the target's types: off moves a library to a local-only
 * agent; on restores the internet agent it had before.
 */
export const libraryAgentTarget: TargetAdapter<'library-agent', LibraryAgentRef> = {
  source: 'libraries',
  planOrder: 2,

  resolve(target, live) {
    const instances = targetLibraries(target.libraryTypes, live).map(
      ({ library, libraryType, where }) => {
        const ref: LibraryAgentRef = { kind: 'library-agent', section: library.section.key }
        return {
          ref,
          key: key(ref),
          label: `${where}: agent`,
          target,
          value: library.section.agent,
          defaultValue: null,
          position: position(target, library.section.agent),
          libraryType,
        }
      },
    )
    const reason = `no ${target.libraryTypes.join('/')} libraries on this server`
    return instances.length > 0
      ? { instances, missing: [] }
      : { instances, missing: [{ target, reason, state: 'unavailable' }] }
  },

  async read(ref, { client }) {
    const sections = await client.sections()
    if (!sections.ok) {
      return sections
    }
    const section = sections.value.find(entry => entry.key === ref.section)
    return section
      ? ok(section.agent)
      : err(appError('settingUnknown', `this server has no library ${ref.section}`))
  },

  write: (ref, value, { client }) => client.setSection(ref.section, { agent: String(value) }),

  key,

  parseKey(text) {
    const section = /^library:([^:]+):agent$/.exec(text)?.[1]
    return section ? { kind: 'library-agent', section } : undefined
  },

  matches: () => true,

  position,

  desired(target, instance, wish, remembered) {
    if (wish === 'off') {
      if (instance.position === 'off') {
        return null
      }
      const agent =
        instance.libraryType === null ? undefined : target.offAgent[instance.libraryType]
      return agent === undefined
        ? { skip: `no local agent is known for ${instance.label}` }
        : { value: agent }
    }
    if (instance.position === 'on') {
      return null
    }
    // A library that was always local (photos, home videos) has no internet agent to go back to.
    const earlier = remembered[instance.key]
    return earlier === undefined ? null : { value: earlier }
  },

  // The internet agent a library had is how to turn it on again.
  remembers: (target, before) => position(target, before) === 'on',

  snapshot: live =>
    Object.fromEntries(
      live.libraries.map(({ section }) => [
        key({ kind: 'library-agent', section: section.key }),
        section.agent,
      ]),
    ),
}
