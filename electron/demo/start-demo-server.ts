import { randomInt } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { openAccountState } from './account-state'
import { agentsFor } from './agents'
import { seedCrashDumps } from './crash-reports'
import type { DemoWorld } from './demo-world'
import { createFaultState } from './fault-state'
import { createDemoFaults, type DemoFaults } from './faults'
import { demoListener, listenDemo, portOf } from './http-server'
import { createLanDoor, type LanDoor } from './lan-door'
import { createLibraryFixture } from './library-fixture'
import { openLibraryStore } from './library-store'
import { liveTrafficWorld } from './live-traffic-world'
import type { LogFormat } from './log-line'
import { startLogRuntime, type LogRuntime } from './log-runtime'
import { openPreferencesStore } from './preferences-store'
import { createRandom } from './random'
import { accountRoutes } from './routes-account'
import { demoRoutes } from './routes-demo'
import { libraryRoutes } from './routes-library'
import { serverRoutes } from './routes-server'
import {
  demoVersions,
  settingsFor,
  updatedVersion,
  updateResets,
  type DemoEdition,
} from './settings-catalog'
import type { SentRecord } from './sent-record'
import { createSimClock } from './sim-clock'
import { demoStandInsFileName, serializeDemoFacts } from '../common/witness/demo-stand-ins'
import { startDemoConnections, type DemoConnections } from './demo-connections'
import { createPinStore } from './pin-store'
import { remoteRoutes } from './routes-remote'

/** Options of startDemoServer. */
export interface DemoServerOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number
  /** The server token; by default the one kept in the data folder, else a new random one. */
  readonly token?: string
  readonly dataDir: string
  /** The log grammar; a legacy server writes the 2018 one unless told otherwise. */
  readonly logFormat?: LogFormat
  /** How much faster than real time the simulated clock runs (1 = real time, 3600 = an hour a second). */
  readonly speed?: number
  /** The same seed gives the same libraries, identifiers and log lines (apart from the start time). */
  readonly seed?: number
  /** Pretend to be an old server (1.13.x, the 2018 setting set). */
  readonly legacy?: boolean
  /** Size at which `Plex Media Server.log` rotates (default 5 MiB). */
  readonly rotateBytes?: number
  /** Simulated history written on a first start with an empty Logs folder (default 0). */
  readonly backfillHours?: number
  /**
   * Make real connections for the traffic (demo-connections.ts): helper processes named like
   * Plex's connect to loopback stand-ins, for the operating system to witness (default off).
   */
  readonly connections?: boolean
}

/** A running demo server. */
export interface DemoServer {
  readonly url: string
  readonly token: string
  readonly dataDir: string
  /** The 40-hex id of `/identity` (Preferences.xml `ProcessedMachineIdentifier`). */
  readonly machineIdentifier: string
  /** The version at start (a simulated update changes what the server reports, not this field). */
  readonly version: string
  readonly faults: DemoFaults
  /** Its address on the owner's home network, once `faults.network('home')` opened it. */
  readonly lanUrl: () => string | null
  /** The server's simulated time (ms since the epoch). */
  readonly now: () => number
  /** Writes the log up to now (the log also catches up by itself four times a second). */
  readonly flushLog: () => void
  /** What the server sent so far and why (its ground truth), oldest first. */
  readonly sent: () => readonly SentRecord[]
  /** The helper processes and stand-in hosts, when the demo makes real connections. */
  readonly connections?: Pick<DemoConnections, 'helpers' | 'standIns'>
  readonly close: () => Promise<void>
}

/** The build whose crash dump a fresh modern demo already holds. */
const olderCrashVersion = '1.41.5.9522-a96edc606'

/** How many sent records the demo keeps (its ground truth of the newest traffic). */
const maxSentRecords = 200_000

/** The default rotation size of the log. */
export const defaultRotateBytes = 5 * 1024 * 1024

/** Starts a demo Plex Media Server on 127.0.0.1 with its data folder in `options.dataDir`. */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const seed = options.seed ?? randomInt(2 ** 31)
  let edition: DemoEdition = options.legacy === true ? 'legacy' : 'modern'
  let version: string = demoVersions[edition]
  const dataDir = options.dataDir
  await mkdir(dataDir, { recursive: true })
  const prefsOpened = await openPreferencesStore({
    dataDir,
    settings: settingsFor(edition),
    version,
    token: options.token,
    random: createRandom(seed ^ 0x5bd1e995),
  })
  if (!prefsOpened.ok) {
    throw new Error(prefsOpened.error)
  }
  const prefs = prefsOpened.value
  const agents = () => agentsFor(edition)
  const fixture = createLibraryFixture(createRandom(seed), edition)
  const libraries = await openLibraryStore(dataDir, fixture, agents)
  if (!libraries.ok) {
    throw new Error(libraries.error)
  }
  const account = await openAccountState(dataDir, createRandom(seed ^ 0x27d4eb2d).hex(16))
  // An older build's dump is there before the log starts (a backfilled history shows its upload);
  // the current build's dumps appear after, so a fresh demo has pending dumps to show.
  const crashRandom = createRandom(seed ^ 0x68e31da4)
  if (edition === 'modern') {
    seedCrashDumps(dataDir, olderCrashVersion, 1, crashRandom)
  }
  const faultState = createFaultState()
  // Bounded: a demo left running for days keeps the newest records only.
  const sentRecords: SentRecord[] = []
  const recordSent = (record: SentRecord): void => {
    sentRecords.push(record)
    if (sentRecords.length > maxSentRecords) {
      sentRecords.splice(0, sentRecords.length - maxSentRecords)
    }
  }
  const clock = createSimClock(options.speed ?? 1)
  let port = 0
  const notify = { settingsChanged: (_ids: readonly string[]): void => undefined }
  const world: DemoWorld = {
    edition: () => edition,
    version: () => version,
    prefs,
    libraries: libraries.value,
    agents,
    faults: faultState,
    account,
    port: () => port,
    lanPort: () => doorRef.current?.port() ?? null,
    settingsChanged: ids => notify.settingsChanged(ids),
    refresh: libraryId => logRef.current?.refresh(libraryId),
  }
  const identity = prefs.identity()
  // The log starts once the port is known; the hooks below run only after that.
  const logRef: { current?: LogRuntime } = {}
  const doorRef: { current?: LanDoor } = {}
  const pins = createPinStore()
  const faults = createDemoFaults(
    world,
    {
      logOtherClient: (method, target, status) =>
        logRef.current?.inbound({
          method,
          target,
          status,
          bytes: 0,
          millis: 14,
          remoteAddress: '192.168.1.57',
          remotePort: 51234,
          signedIn: true,
          user: 'other-admin',
          product: 'Plex Web (Firefox)',
        }),
      advance: millis => logRef.current?.advance(millis),
      update: async () => {
        // A newer build: the modern setting list, some values back to their (new) defaults.
        version = edition === 'legacy' ? demoVersions.modern : updatedVersion
        edition = 'modern'
        await prefs.migrate(settingsFor(edition), updateResets)
        logRef.current?.restart(version, options.logFormat ?? '2025')
        return version
      },
      network: async at => {
        const door = doorRef.current
        await (at === 'home' ? door?.open() : door?.close())
      },
    },
    pins,
  )
  const listener = demoListener({
    routes: [
      ...serverRoutes(world),
      ...libraryRoutes(world),
      ...accountRoutes(world),
      ...remoteRoutes(world, dataDir, pins, () => faultState.logsZipMode),
      ...demoRoutes(
        faults,
        () => ({
          version,
          time: clock.now(),
          leaks: [...faultState.leaks],
          plexTvDown: faultState.plexTvDown,
          remoteUnreachable: faultState.remoteUnreachable,
          writeDelayMs: faultState.writeDelayMs,
          writesReceived: faultState.writesReceived,
          writesAnswered: faultState.writesAnswered,
        }),
        () => sentRecords,
      ),
    ],
    token: () => prefs.identity().token,
    faults: faultState,
    now: () => clock.now(),
    onStart: () => logRef.current?.flush(),
    onHandled: request =>
      logRef.current?.inbound({
        ...request,
        user: request.signedIn ? identity.username : '',
        product: request.userAgent,
      }),
  })
  const running = await listenDemo(listener, options.port ?? 0)
  port = portOf(running)
  doorRef.current = createLanDoor(listener)
  // Which processes are this demo's own (none without connections): the witness watches only them.
  await writeFile(
    join(dataDir, demoStandInsFileName),
    serializeDemoFacts({ standIns: [], pids: [] }),
    { mode: 0o600 },
  )
  const connections =
    options.connections === true
      ? await startDemoConnections({
          world,
          now: () => clock.now(),
          machineIdentifier: identity.machineIdentifier,
          record: recordSent,
          standInsFile: join(dataDir, demoStandInsFileName),
        })
      : undefined
  const runtime = startLogRuntime({
    dataDir,
    format: options.logFormat ?? (edition === 'legacy' ? '2018' : '2025'),
    seed,
    clock,
    rotateBytes: options.rotateBytes ?? defaultRotateBytes,
    backfillHours: options.backfillHours ?? 0,
    machineIdentifier: identity.machineIdentifier,
    version,
    token: identity.token,
    port,
    world: liveTrafficWorld(world, dataDir, createRandom(seed ^ 0x1b873593)),
    onSent: record => recordSent(connections ? connections.observe(record) : record),
  })
  logRef.current = runtime
  seedCrashDumps(dataDir, version, 2, crashRandom)
  notify.settingsChanged = ids => {
    runtime.settingsChanged(ids)
    connections?.reconcile()
  }
  return {
    url: `http://127.0.0.1:${port}`,
    token: identity.token,
    dataDir,
    machineIdentifier: identity.machineIdentifier,
    version,
    faults,
    lanUrl: () => {
      const lanPort = world.lanPort()
      return lanPort === null ? null : `http://127.0.0.1:${lanPort}`
    },
    now: () => clock.now(),
    flushLog: () => runtime.flush(),
    sent: () => {
      runtime.flush()
      return sentRecords
    },
    ...(connections ? { connections } : {}),
    close: async () => {
      runtime.stop()
      await connections?.close()
      await doorRef.current?.close()
      running.closeAllConnections()
      await new Promise<void>(resolve => running.close(() => resolve()))
    },
  }
}
