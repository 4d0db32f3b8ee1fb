import { agentsFor } from './agents'
import { createLibraryFixture } from './library-fixture'
import { libraryPrefsFor } from './library-prefs'
import { createRandom } from './random'
import type { DemoFlow, SentRecord } from './sent-record'
import { settingsFor, type DemoEdition } from './settings-catalog'
import type { SettingValue } from './setting-types'
import { createTrafficGenerator, type TrafficGenerator } from './traffic-generator'
import type { TrafficWorld } from './traffic-types'

/** Options of snapshotWorld. */
export interface SnapshotOptions {
  readonly seed: number
  readonly edition?: DemoEdition
  /** Setting values that differ from the defaults. */
  readonly settings?: Readonly<Record<string, SettingValue>>
  /** Flows sent even with a setting that should stop them off. */
  readonly leaks?: readonly DemoFlow[]
  /** Pending crash dump folders (one upload each, then gone). */
  readonly crashVersions?: readonly string[]
}

/**
 * A fixed world for the traffic generator without a running server: the demo's libraries and
 * default settings. For benchmarks (a 256 MiB log in seconds) and pure tests of the traffic.
 */
export function snapshotWorld(options: SnapshotOptions): TrafficWorld {
  const edition = options.edition ?? 'modern'
  const defaults = new Map(settingsFor(edition).map(s => [s.id, s.default]))
  const values = new Map<string, SettingValue>([
    ...defaults,
    ['PublishServerOnPlexOnlineKey', true],
  ])
  for (const [id, value] of Object.entries(options.settings ?? {})) {
    values.set(id, value)
  }
  const online = new Set(
    agentsFor(edition)
      .filter(a => a.online)
      .map(a => a.identifier),
  )
  const libraries = createLibraryFixture(createRandom(options.seed), edition).map(section => ({
    id: section.id,
    type: section.type,
    agent: section.agent,
    location: section.location,
    online: online.has(section.agent),
    items: section.items,
    pref: (id: string): SettingValue | undefined => {
      const initial = section.initialPrefs[id]
      const definition = libraryPrefsFor(section.type).find(p => p.id === id)
      return initial === undefined ? definition?.default : initial === '1'
    },
  }))
  const crash = new Set(options.crashVersions ?? [])
  const leaks = new Set(options.leaks ?? [])
  return {
    setting: id => values.get(id),
    libraries: () => libraries,
    account: () => ({
      optOutPlayback: false,
      optOutLibraryStats: false,
      viewStateSync: true,
      webhooks: ['https://hooks.example.net/plex'],
      email: 'owner@example.com',
    }),
    pendingCrashVersions: () => [...crash],
    crashUploaded: version => crash.delete(version),
    crashed: version => crash.add(version),
    leaks: () => leaks,
    plexTvDown: () => false,
    remoteUnreachable: () => false,
  }
}

/**
 * The traffic of a fresh modern demo without a running server, from a fixed start: a fixed
 * machine, the 2025 grammar, one hour ahead of UTC, one crash dump waiting. For benchmarks and
 * tests that want a real-shaped log that is the same at every run.
 */
export function snapshotTraffic(options: {
  readonly seed: number
  readonly startTime: number
  readonly onSent?: (record: SentRecord) => void
}): TrafficGenerator {
  const version = '1.42.2.10156-f737b826c'
  return createTrafficGenerator({
    ...options,
    format: '2025',
    utcOffsetMinutes: 60,
    machineIdentifier: '0123456789abcdef0123456789abcdef01234567',
    version,
    port: 32400,
    dataDir: '/config/Library/Application Support/Plex Media Server',
    world: snapshotWorld({ seed: options.seed, crashVersions: [version] }),
  })
}
