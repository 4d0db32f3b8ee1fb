import { ok } from '../../../common/util/result'
import { sameSettingValue } from '../../server/plex-values'
import { prefDesired, prefPosition } from './pref-targets'
import type { TargetAdapter } from './target-adapter'

/** A server preference by its id on this server (the catalog's id or one of its aliases). */
export interface ServerPrefRef {
  readonly kind: 'server-pref'
  readonly prefId: string
}

const key = (ref: ServerPrefRef) => `pref:${ref.prefId}`

/** A server preference: read from `/:/prefs`, written with `PUT /:/prefs?<prefId>=<value>`. */
export const serverPrefTarget: TargetAdapter<'server-pref', ServerPrefRef> = {
  source: 'server-prefs',
  planOrder: 0,

  resolve(target, live) {
    const id = [target.prefId, ...(target.aliases ?? [])].find(candidate =>
      live.prefs.has(candidate),
    )
    const setting = id === undefined ? undefined : live.prefs.get(id)
    if (id === undefined || setting === undefined) {
      const reason = `this server has no setting ${target.prefId}`
      return { instances: [], missing: [{ target, reason, state: 'unavailable' }] }
    }
    const ref: ServerPrefRef = { kind: 'server-pref', prefId: id }
    const instance = {
      ref,
      key: key(ref),
      label: id,
      target,
      value: setting.value,
      defaultValue: setting.default,
      position: prefPosition(target, setting.value),
      libraryType: null,
    }
    return { instances: [instance], missing: [] }
  },

  async read(ref, { client }) {
    const setting = await client.pref(ref.prefId)
    return setting.ok ? ok(setting.value.value) : setting
  },

  write: (ref, value, { client }) => client.setPrefs({ [ref.prefId]: value }),

  key,

  parseKey(text) {
    const prefId = /^pref:(.+)$/.exec(text)?.[1]
    return prefId ? { kind: 'server-pref', prefId } : undefined
  },

  matches: (target, ref) =>
    target.prefId === ref.prefId || (target.aliases ?? []).includes(ref.prefId),

  position: prefPosition,

  desired: prefDesired,

  // A free-text pref has no on value: what it held before it was emptied is how to turn it on.
  remembers: (target, before) => target.on === null && !sameSettingValue(before, target.off),

  snapshot: live =>
    Object.fromEntries(
      [...live.prefs.values()].map(setting => [
        key({ kind: 'server-pref', prefId: setting.id }),
        setting.value,
      ]),
    ),
}
