import { modernSettingData } from './settings-data'
import type { SettingDefinition } from './setting-types'

/** Which generation of Plex Media Server the demo pretends to be. */
export type DemoEdition = 'modern' | 'legacy'

/** The version strings the demo reports (both are real PMS builds). */
export const demoVersions = {
  modern: '1.42.2.10156-f737b826c',
  legacy: '1.13.8.5395-10d48da0d',
} as const

/** The version a simulated update moves a modern demo to. */
export const updatedVersion = '1.43.0.10346-e2a3c6a5b'

// Ids new between the 2018 and the 2022 dump (reference Appendix B): absent on a legacy server.
const newSince2018 = new Set([
  'CrashUploadRetries',
  'PushNotificationsEnabled',
  'RelayEnabled',
  'DisableTLSv1_0',
  'allowedHttpOrigins',
  'PlexWebDesktopUrl',
  'PlexWebAuthUrl',
  'EnablePinAuth',
  'LogTokensForDebug',
  'LogMemoryUse',
  'LogSynchronous',
  'GenerateIntroMarkerBehavior',
  'MusicAnalysisBehavior',
  'HardwareAcceleratedEncoders',
  'TranscoderToneMapping',
  'VaapiDriver',
  'MinutesAllowedPaused',
  'enableLocalSecurity',
  'CertificateUUID',
  'MetadataUseDevProvider',
  'EpgUseSelectedProvider',
  'MergedRecentlyAdded',
])

// Defaults and texts that differed in 2018 (reference §1.3 and Appendix B).
const legacyOverrides: Readonly<Record<string, Partial<SettingDefinition>>> = {
  DlnaEnabled: { default: true },
  EnableIPv6: { default: false },
  iTunesSharingEnabled: { default: true },
  secureConnections: { enumValues: '0:Required|1:Preferred|2:Disabled', advanced: false },
  WebHooksEnabled: {
    summary: 'This feature enables your server to send events to external services.',
  },
  OnDeckWindow: { label: 'Weeks to consider for On Deck and Continue Watching' },
}

// Ids only the 2018 dump has (reference Appendix B); texts for those the reference quotes.
const legacyOnly: readonly SettingDefinition[] = [
  {
    id: 'logTokens',
    label: 'Allow Plex Media Server tokens in logs',
    summary:
      "Media server tokens can be used to gain access to library content. Don't share logs containing tokens publicly. A server restart is required for a change to take effect.",
    type: 'bool',
    default: false,
    hidden: false,
    advanced: true,
    group: 'general',
  },
  {
    id: 'enableHttpPipelining',
    label: 'Enable HTTP Pipelining',
    summary: 'A server restart is required for a change to take effect.',
    type: 'bool',
    default: true,
    hidden: true,
    advanced: false,
    group: '',
  },
  {
    id: 'enableAirplay',
    label: 'Enable AirPlay',
    summary: '',
    type: 'bool',
    default: false,
    hidden: true,
    advanced: false,
    group: '',
  },
  {
    id: 'GracenoteUser',
    label: '',
    summary: '',
    type: 'text',
    default: '',
    hidden: true,
    advanced: false,
    group: '',
  },
  {
    id: 'DvrOnConnectTestingUrl',
    label: '',
    summary: '',
    type: 'text',
    default: '',
    hidden: true,
    advanced: false,
    group: '',
  },
]

/** The setting list of one edition: the real 2022 dump, or the 2018 set derived from it. */
export function settingsFor(edition: DemoEdition): readonly SettingDefinition[] {
  if (edition === 'modern') {
    return modernSettingData
  }
  const kept = modernSettingData
    .filter(setting => !newSince2018.has(setting.id))
    .map(setting => ({ ...setting, ...legacyOverrides[setting.id] }))
  return [...kept, ...legacyOnly]
}

/** Settings whose stored value a simulated update puts back to the (new) default (reference Appendix B). */
export const updateResets: readonly string[] = ['sendCrashReports', 'RelayEnabled', 'DlnaEnabled']
