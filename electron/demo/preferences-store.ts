import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { err, ok, type Result } from '../common/util/result'
import { parseSettingValue, storedText } from './pref-values'
import {
  readPreferencesFile,
  writePreferencesFile,
  type PreferenceAttributes,
} from './preferences-file'
import type { Random } from './random'
import type { SettingDefinition, SettingValue } from './setting-types'

/** The server's own identity, kept in Preferences.xml beside the settings. */
export interface DemoIdentity {
  /** The UUID of `MachineIdentifier`. */
  readonly machineUuid: string
  /** The 40-hex id of `/identity` and plex.tv (`ProcessedMachineIdentifier`). */
  readonly machineIdentifier: string
  readonly token: string
  readonly username: string
  readonly mail: string
}

/** A refused write: the HTTP status and the reason. */
export interface PrefsWriteError {
  readonly status: 400 | 404
  readonly message: string
}

/** The settings of the demo server and their persistence in Preferences.xml. */
export interface PreferencesStore {
  readonly file: string
  readonly identity: () => DemoIdentity
  readonly settings: () => readonly SettingDefinition[]
  readonly definition: (id: string) => SettingDefinition | undefined
  readonly value: (id: string) => SettingValue
  /** Validates every pair first; changes nothing unless all are valid. Resolves to the ids that changed. */
  readonly write: (
    pairs: readonly (readonly [string, string])[],
  ) => Promise<Result<string[], PrefsWriteError>>
  /** Replaces the setting list (a simulated update) and puts the given ids back to their defaults. */
  readonly migrate: (
    settings: readonly SettingDefinition[],
    resets: readonly string[],
  ) => Promise<void>
  readonly attributes: () => PreferenceAttributes
}

/** Options of openPreferencesStore. */
export interface PreferencesStoreOptions {
  readonly dataDir: string
  readonly settings: readonly SettingDefinition[]
  readonly version: string
  readonly token: string | undefined
  readonly random: Random
}

/** sha1("<MachineIdentifier>- Plex Media Server"), as the official Docker image derives it. */
export function processedMachineIdentifier(machineUuid: string): string {
  return createHash('sha1').update(`${machineUuid}- Plex Media Server`).digest('hex')
}

/** Opens (or creates) `<dataDir>/Preferences.xml`; a malformed file is an error, never overwritten. */
export async function openPreferencesStore(
  options: PreferencesStoreOptions,
): Promise<Result<PreferencesStore, string>> {
  const file = join(options.dataDir, 'Preferences.xml')
  const read = await readPreferencesFile(file)
  if (!read.ok) {
    return err(read.error)
  }
  const attributes = new Map(read.value ?? [])
  const random = options.random
  const fill = (name: string, make: () => string): void => {
    if (!attributes.has(name)) {
      attributes.set(name, make())
    }
  }
  // Fill in what a first start writes, in the order of a real file (reference §3.2).
  fill('OldestPreviousVersion', () => options.version)
  fill('MachineIdentifier', () => random.uuid())
  attributes.set(
    'ProcessedMachineIdentifier',
    processedMachineIdentifier(attributes.get('MachineIdentifier') ?? ''),
  )
  fill('AnonymousMachineIdentifier', () => random.uuid())
  fill('MetricsEpoch', () => '1')
  fill('AcceptedEULA', () => '1')
  fill('PublishServerOnPlexOnlineKey', () => '1')
  if (options.token !== undefined || !attributes.has('PlexOnlineToken')) {
    attributes.set('PlexOnlineToken', options.token ?? random.token(20))
  }
  fill('PlexOnlineUsername', () => 'demo-owner')
  fill('PlexOnlineMail', () => 'owner@example.com')
  fill('CertificateUUID', () => random.hex(32))
  fill('PubSubServer', () => '198.51.100.23')
  fill('PubSubServerRegion', () => 'yyz')
  fill('CertificateVersion', () => '3')
  fill('LanguageInCloud', () => '1')

  let settings = options.settings
  let byId = new Map(settings.map(setting => [setting.id, setting]))
  let writing: Promise<void> = Promise.resolve()
  const persist = (): Promise<void> => {
    const snapshot = new Map(attributes)
    writing = writing.then(() => writePreferencesFile(file, snapshot))
    return writing
  }
  const value = (id: string): SettingValue => {
    const setting = byId.get(id)
    if (setting === undefined) {
      throw new Error(`no setting ${id}`)
    }
    const stored = attributes.get(id)
    if (stored === undefined) {
      return setting.default
    }
    const parsed = parseSettingValue(setting, stored)
    return parsed.ok ? parsed.value : setting.default
  }
  const store: PreferencesStore = {
    file,
    identity: () => ({
      machineUuid: attributes.get('MachineIdentifier') ?? '',
      machineIdentifier: attributes.get('ProcessedMachineIdentifier') ?? '',
      token: attributes.get('PlexOnlineToken') ?? '',
      username: attributes.get('PlexOnlineUsername') ?? '',
      mail: attributes.get('PlexOnlineMail') ?? '',
    }),
    settings: () => settings,
    definition: id => byId.get(id),
    value,
    write: async pairs => {
      const parsed: [SettingDefinition, SettingValue][] = []
      for (const [id, raw] of pairs) {
        const setting = byId.get(id)
        if (setting === undefined) {
          return err({ status: 400, message: "Attempt to set a preferences that doesn't exist" })
        }
        const result = parseSettingValue(setting, raw)
        if (!result.ok) {
          return err({ status: 400, message: result.error })
        }
        parsed.push([setting, result.value])
      }
      const changed: string[] = []
      for (const [setting, next] of parsed) {
        if (value(setting.id) !== next) {
          changed.push(setting.id)
        }
        if (next === setting.default) {
          attributes.delete(setting.id)
        } else {
          attributes.set(setting.id, storedText(next))
        }
      }
      await persist()
      return ok(changed)
    },
    migrate: async (next, resets) => {
      settings = next
      byId = new Map(settings.map(setting => [setting.id, setting]))
      for (const id of resets) {
        attributes.delete(id)
      }
      await persist()
    },
    attributes: () => new Map(attributes),
  }
  await persist()
  return ok(store)
}
