import { describe, expect, it } from 'vitest'
import { languages } from '../i18n/localized-text'
import {
  findSwitch,
  profileChoice,
  quickToggleIds,
  quickToggles,
  switchCatalog,
  switchesByFlow,
} from './catalog'
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

describe('targets', () => {
  // Types as the server reports them (reference §1.3, Appendix A): bool → boolean, int → number,
  // text → string.
  const serverPrefTypes: Record<string, 'boolean' | 'number' | 'string'> = {
    ButlerTaskRefreshPeriodicMetadata: 'boolean',
    MarkerSource: 'string',
    ButlerTaskReverseGeocode: 'boolean',
    ButlerTaskGenerateAutoTags: 'boolean',
    LocationVisibility: 'number',
    CinemaTrailersFromTheater: 'boolean',
    CinemaTrailersFromBluRay: 'boolean',
    PublishServerOnPlexOnlineKey: 'boolean',
    RelayEnabled: 'boolean',
    ManualPortMappingMode: 'boolean',
    customConnections: 'string',
    customCertificateDomain: 'string',
    secureConnections: 'number',
    GdmEnabled: 'boolean',
    DlnaEnabled: 'boolean',
    WebHooksEnabled: 'boolean',
    PushNotificationsEnabled: 'boolean',
    collectUsageData: 'boolean',
    ButlerTaskUpdateServer: 'string',
    sendCrashReports: 'boolean',
    CrashUploadRetries: 'boolean',
    logDebug: 'boolean',
    LogTokensForDebug: 'boolean',
  }
  const serverPrefs = switchCatalog.flatMap(entry =>
    entry.targets.flatMap(target => (target.kind === 'server-pref' ? [target] : [])),
  )

  it('write every server pref with the type the server gives it', () => {
    expect(serverPrefs.map(t => t.prefId).sort()).toEqual(Object.keys(serverPrefTypes).sort())
    for (const target of serverPrefs) {
      expect(typeof target.off, target.prefId).toBe(serverPrefTypes[target.prefId])
      if (target.on !== null) {
        expect(typeof target.on, target.prefId).toBe(serverPrefTypes[target.prefId])
      }
    }
  })

  it('leave the on value open only for the two free-text address prefs, whose off is empty', () => {
    const open = serverPrefs.filter(t => t.on === null)
    expect(open.map(t => [t.prefId, t.off])).toEqual([
      ['customConnections', ''],
      ['customCertificateDomain', ''],
    ])
  })

  it('know the old name of the token-logging pref', () => {
    expect(findSwitch('log-tokens')?.targets).toEqual([
      {
        kind: 'server-pref',
        prefId: 'LogTokensForDebug',
        aliases: ['logTokens'],
        on: true,
        off: false,
      },
    ])
  })

  it('move every kind of personal library to a local-only agent when matching is off', () => {
    const [target] = findSwitch('metadata-matching')?.targets ?? []
    expect(target?.kind).toBe('library-agent')
    if (target?.kind === 'library-agent') {
      expect(target.libraryTypes).toEqual(['movie', 'show', 'artist', 'photo'])
      for (const type of target.libraryTypes) {
        expect(target.offAgent[type]).toBe('com.plexapp.agents.none')
      }
    }
  })

  it('reach the account opt-outs through plex.tv targets', () => {
    const kinds = (id: string) => findSwitch(id)?.targets.map(t => t.kind)
    expect(kinds('usage-data')).toEqual(['account-privacy', 'server-pref'])
    expect(kinds('library-stats')).toEqual(['account-privacy'])
    expect(kinds('view-state-sync')).toEqual(['account-view-state-sync'])
    expect(kinds('online-media-sources')).toEqual(['account-opt-out', 'account-opt-out'])
    expect(findSwitch('library-stats')?.caveat?.en).toMatch(/June 2024/)
  })

  it('rejects a target whose on and off values are the same', () => {
    const relay = findSwitch('relay')
    const broken = {
      ...relay,
      targets: [{ kind: 'server-pref', prefId: 'X', on: true, off: true }],
    }
    expect(switchCatalogSchema.safeParse([broken]).success).toBe(false)
  })
})

describe('profiles (privacy-map.md, "Profiles")', () => {
  const ids = switchCatalog.map(entry => entry.id)
  const choices = (profile: (typeof profileIds)[number]) =>
    Object.fromEntries(switchCatalog.map(entry => [entry.id, profileChoice(entry, profile)]))

  it('Plex defaults takes the server default for every switch', () => {
    expect(Object.values(choices('plex-defaults')).every(c => c === 'default')).toBe(true)
  })

  const balancedOff = [
    'crash-reports',
    'crash-upload-retries',
    'webhooks',
    'trailers',
    'extras',
    'periodic-metadata-refresh',
    'discovery',
    'dlna',
    // Not a flow of its own, but a risk no Hush profile leaves on (privacy-map.md, item 10).
    'log-tokens',
  ]

  it('Balanced turns off what owners rarely use and keeps remote access, relay and matching', () => {
    const balanced = choices('balanced')
    expect(ids.filter(id => balanced[id] === 'off').sort()).toEqual([...balancedOff].sort())
    expect(balanced['remote-access']).toBe('keep')
    expect(balanced.relay).toBe('keep')
    expect(balanced['metadata-matching']).toBe('keep')
  })

  it('Private is Balanced plus relay, remote access, matching, photo analysis and account opt-outs', () => {
    const privateOff = [
      ...balancedOff,
      'relay',
      'remote-access',
      'metadata-matching',
      'music-enrichment',
      'reverse-geocoding',
      'photo-tagging',
      'location-visibility',
      'usage-data',
      'library-stats',
      'view-state-sync',
      'online-media-sources',
      'unencrypted-connections',
    ]
    const chosen = choices('private')
    expect(ids.filter(id => chosen[id] === 'off').sort()).toEqual([...privateOff].sort())
  })

  it('Lockdown turns off everything that can be off, and keeps debug logging on as evidence', () => {
    const lockdown = choices('lockdown')
    expect(ids.filter(id => lockdown[id] !== 'off')).toEqual(['debug-logging'])
    expect(lockdown['debug-logging']).toBe('on')
    expect(lockdown['log-tokens']).toBe('off')
  })

  it('never lets a Hush profile turn token logging on', () => {
    for (const profile of ['balanced', 'private', 'lockdown'] as const) {
      expect(profileChoice(findSwitch('log-tokens') as SwitchEntry, profile)).toBe('off')
    }
  })
})
