import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SwitchEntry } from '../../../common/switches/switch-types'
import { switchCatalog } from '../../../common/switches/catalog'
import { createPlexAccountClient } from '../../account/plex-account-client'
import { startTestDemo } from '../../../demo/demo-test-helpers'
import type { DemoServer, DemoServerOptions } from '../../../demo/start-demo-server'
import type { PlexClient } from '../../server/plex-client'
import { resolveConnection } from '../../server/resolve-connection'
import { createSwitchEngine, type SwitchEngine, type SwitchEngineDeps } from '../switch-engine'
import { openSwitchStore, type SwitchStore } from '../switch-store'

/** A demo server, a connected engine over it, and Hush's state folder, for tests. */
export interface EngineFixture {
  readonly demo: DemoServer
  readonly stateDir: string
  readonly client: PlexClient
  readonly store: SwitchStore
  readonly engine: SwitchEngine
  /** Calls a demo fault action (`POST /__demo/<action>`). */
  readonly fault: (action: string, params?: Record<string, string>) => Promise<void>
  /** Every server pref value, and every library's agent and prefs, as one flat record. */
  readonly dump: () => Promise<Record<string, unknown>>
  readonly cleanup: () => Promise<void>
}

/** Starts a demo and connects an engine to it (with the real catalog unless told otherwise). */
export async function startEngineFixture(
  options: {
    catalog?: readonly SwitchEntry[]
    demo?: Partial<DemoServerOptions>
    now?: () => Date
    recordReadings?: SwitchEngineDeps['recordReadings']
  } = {},
): Promise<EngineFixture> {
  const started = await startTestDemo(options.demo)
  const stateDir = await mkdtemp(join(tmpdir(), 'hush-state-'))
  const connection = await resolveConnection({
    server: started.demo.url,
    token: started.demo.token,
    stateDir,
    env: {},
  })
  if (!connection.ok) {
    throw new Error(connection.error.message)
  }
  const { client, http, info } = connection.value
  const account = createPlexAccountClient({ ...http, baseUrl: started.demo.url })
  const store = openSwitchStore(stateDir)
  const engine = createSwitchEngine({
    client,
    account,
    catalog: options.catalog ?? switchCatalog,
    store,
    server: info,
    now: options.now,
    recordReadings: options.recordReadings,
  })
  return {
    demo: started.demo,
    stateDir,
    client,
    store,
    engine,
    fault: async (action, params = {}) => {
      const response = await fetch(
        `${started.demo.url}/__demo/${action}?${new URLSearchParams(params).toString()}`,
        {
          method: 'POST',
          headers: { 'X-Plex-Token': started.demo.token },
        },
      )
      if (!response.ok) {
        throw new Error(`demo fault ${action}: HTTP ${response.status}`)
      }
    },
    dump: () => dumpServer(client),
    cleanup: async () => {
      await started.cleanup()
      await rm(stateDir, { recursive: true, force: true })
    },
  }
}

/** Every server pref value, and every library's agent and prefs. */
export async function dumpServer(client: PlexClient): Promise<Record<string, unknown>> {
  const values: Record<string, unknown> = {}
  const prefs = await client.prefs()
  const sections = await client.sections()
  if (!prefs.ok || !sections.ok) {
    throw new Error('cannot read the demo server')
  }
  for (const setting of prefs.value) {
    values[`pref:${setting.id}`] = setting.value
  }
  for (const section of sections.value) {
    values[`library:${section.key}:agent`] = section.agent
    const sectionPrefs = await client.sectionPrefs(section.key)
    if (!sectionPrefs.ok) {
      throw new Error('cannot read library prefs')
    }
    for (const setting of sectionPrefs.value) {
      values[`library:${section.key}:pref:${setting.id}`] = setting.value
    }
  }
  return values
}
