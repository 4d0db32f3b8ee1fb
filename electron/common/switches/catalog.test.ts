import { describe, expect, it } from 'vitest'
import { languages } from '../i18n/localized-text'
import { findSwitch, quickToggleIds, quickToggles, switchCatalog, switchesByFlow } from './catalog'
import { switchCatalogSchema } from './catalog-schema'
import { flowIds, flowTexts } from './flows'
import { profileTexts } from './profile-texts'
import { profileIds, type SwitchEntry } from './switch-types'

/** Every text of an entry, with a label for error messages. */
function textsOf(entry: SwitchEntry) {
  const fields = ['title', 'data', 'recipient', 'purpose', 'breaks', 'caveat'] as const
  return fields.flatMap(field => {
    const text = entry[field]
    return text === undefined ? [] : [{ label: `${entry.id}.${field}`, text }]
  })
}

const allTexts = [
  ...switchCatalog.flatMap(textsOf),
  ...Object.entries(flowTexts).flatMap(([id, t]) => [
    { label: `flow ${id}.title`, text: t.title },
    { label: `flow ${id}.description`, text: t.description },
  ]),
  ...Object.entries(profileTexts).flatMap(([id, t]) => [
    { label: `profile ${id}.title`, text: t.title },
    { label: `profile ${id}.description`, text: t.description },
  ]),
]

/** Counts the Han characters and the Latin words (names like "Plex" or a host name) of a text. */
function scripts(text: string): { han: number; latinWords: number } {
  return {
    han: text.match(/\p{Script=Han}/gu)?.length ?? 0,
    // A host name such as o17675.ingest.sentry.io counts as one word.
    latinWords: (text.match(/[A-Za-z0-9][A-Za-z0-9.-]*/g) ?? []).filter(w => /[A-Za-z]/.test(w))
      .length,
  }
}

describe('the switch catalog', () => {
  it('passes its schema', () => {
    const parsed = switchCatalogSchema.safeParse(switchCatalog)
    expect(parsed.error?.issues ?? []).toEqual([])
  })

  it('has unique kebab-case ids', () => {
    const ids = switchCatalog.map(entry => entry.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) {
      expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
    }
  })

  it('rejects a catalog with a duplicate id', () => {
    const first = switchCatalog[0]
    expect(switchCatalogSchema.safeParse([first, first]).success).toBe(false)
  })

  it('says every text in English and in Chinese, and the Chinese is Chinese', () => {
    for (const { label, text } of allTexts) {
      for (const language of languages) {
        expect(text[language].trim(), `${label}.${language}`).not.toBe('')
      }
      expect(scripts(text.en).han, `${label}.en`).toBe(0)
      // Names such as "Plex", "DLNA" or a host name may appear; the sentence itself is Chinese.
      const zh = scripts(text.zh)
      expect(zh.han, `${label}.zh`).toBeGreaterThanOrEqual(Math.max(2, 2 * zh.latinWords))
      expect(text.zh, label).not.toBe(text.en)
    }
  })

  it('finds a switch by id and nothing for an unknown id', () => {
    expect(findSwitch('relay')?.targets).toEqual([
      { kind: 'server-pref', prefId: 'RelayEnabled', on: true, off: false },
    ])
    expect(findSwitch('no-such-switch')).toBeUndefined()
  })

  it('groups every switch under exactly one flow, in the order flows are shown', () => {
    const groups = switchesByFlow()
    const grouped = groups.flatMap(group => group.switches.map(entry => entry.id))
    expect([...grouped].sort()).toEqual(switchCatalog.map(entry => entry.id).sort())
    const order = groups.map(group => group.flow)
    expect(order).toEqual(flowIds.filter(flow => order.includes(flow)))
    for (const group of groups) {
      expect(group.switches.every(entry => entry.flow === group.flow)).toBe(true)
    }
  })

  it('names and explains every flow and every profile', () => {
    expect(Object.keys(flowTexts).sort()).toEqual([...flowIds].sort())
    expect(Object.keys(profileTexts)).toEqual([...profileIds])
    expect(new Set(switchCatalog.map(entry => entry.flow)).size).toBe(flowIds.length)
  })

  it('has the eight quick toggles of the tray, and only those', () => {
    expect(quickToggles().map(entry => entry.id)).toEqual([...quickToggleIds])
    expect(
      switchCatalog
        .filter(entry => entry.quickToggle)
        .map(entry => entry.id)
        .sort(),
    ).toEqual([...quickToggleIds].sort())
  })

  it('cites at least one policy item for every switch', () => {
    for (const entry of switchCatalog) {
      expect(entry.policyItems.length, entry.id).toBeGreaterThan(0)
    }
  })
})
