import { randomInt } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { openAccountState } from './account-state'
import { agentsFor } from './agents'
import type { DemoWorld } from './demo-world'
import { createFaultState } from './fault-state'
import { serveDemoHttp, portOf, type HandledRequest } from './http-server'
import { createLibraryFixture } from './library-fixture'
import { openLibraryStore } from './library-store'
import { openPreferencesStore } from './preferences-store'
import { createRandom } from './random'
import { libraryRoutes } from './routes-library'
import { serverRoutes } from './routes-server'
import { demoVersions, settingsFor, type DemoEdition } from './settings-catalog'

/** Options of startDemoServer. */
export interface DemoServerOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number
  /** The server token; by default the one kept in the data folder, else a new random one. */
  readonly token?: string
  readonly dataDir: string
  readonly logFormat?: '2025' | '2026'
  /** How much faster than real time the simulated clock runs (1 = real time). */
  readonly speed?: number
  readonly seed?: number
  /** Pretend to be an old server (1.13.x, the 2018 setting set). */
  readonly legacy?: boolean
  /** Size at which `Plex Media Server.log` rotates (default 5 MiB). */
  readonly rotateBytes?: number
  /** Simulated history written on a first start with an empty Logs folder. */
  readonly backfillHours?: number
}

/** A running demo server. */
export interface DemoServer {
  readonly url: string
  readonly token: string
  readonly dataDir: string
  /** The 40-hex id of `/identity` (Preferences.xml `ProcessedMachineIdentifier`). */
  readonly machineIdentifier: string
  readonly version: string
  readonly close: () => Promise<void>
}

/** Starts a demo Plex Media Server on 127.0.0.1 with its data folder in `options.dataDir`. */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const seed = options.seed ?? randomInt(2 ** 31)
  const edition: DemoEdition = options.legacy === true ? 'legacy' : 'modern'
  const version: string = demoVersions[edition]
  const settings = settingsFor(edition)
  await mkdir(options.dataDir, { recursive: true })
  const prefs = await openPreferencesStore({
    dataDir: options.dataDir,
    settings,
    version,
    token: options.token,
    random: createRandom(seed ^ 0x5bd1e995),
  })
  if (!prefs.ok) {
    throw new Error(prefs.error)
  }
  const agents = () => agentsFor(edition)
  const fixture = createLibraryFixture(createRandom(seed), edition)
  const libraries = await openLibraryStore(options.dataDir, fixture, agents)
  if (!libraries.ok) {
    throw new Error(libraries.error)
  }
  const account = await openAccountState(options.dataDir, createRandom(seed ^ 0x27d4eb2d).uuid())
  const faults = createFaultState()
  let port = 0
  const world: DemoWorld = {
    edition: () => edition,
    version: () => version,
    prefs: prefs.value,
    libraries: libraries.value,
    agents,
    faults,
    account,
    port: () => port,
    settingsChanged: () => undefined,
  }
  const running = await serveDemoHttp({
    port: options.port ?? 0,
    routes: [...serverRoutes(world), ...libraryRoutes(world)],
    token: () => prefs.value.identity().token,
    faults,
    now: () => Date.now(),
    onHandled: (_request: HandledRequest) => undefined,
  })
  port = portOf(running)
  const identity = prefs.value.identity()
  return {
    url: `http://127.0.0.1:${portOf(running)}`,
    token: identity.token,
    dataDir: options.dataDir,
    machineIdentifier: identity.machineIdentifier,
    version,
    close: async () => {
      running.closeAllConnections()
      await new Promise<void>(resolve => running.close(() => resolve()))
    },
  }
}
