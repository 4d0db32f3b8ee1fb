import { describe, expect, it } from 'vitest'
import { findSwitch, profileChoice, switchCatalog } from './catalog'
import { switchCatalogSchema } from './catalog-schema'
import type { ProfileId, SwitchEntry } from './switch-types'
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

describe('profiles (docs/privacy-map.md, "Profiles")', () => {
  const ids = switchCatalog.map(entry => entry.id)
  const choices = (profile: ProfileId) =>
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
    // Not a flow of its own, but a risk no Hush profile leaves on (docs/privacy-map.md, item 10).
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
