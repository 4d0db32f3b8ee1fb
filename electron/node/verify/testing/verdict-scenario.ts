import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SwitchStatus } from '../../../common/api/switch-schemas'
import type { VerifyReport } from '../../../common/api/verify-schemas'
import type { SentRecord } from '../../../demo/sent-record'
import type { AppError } from '../../../common/api/errors'
import type { Result } from '../../../common/util/result'
import { createCoreService } from '../../service/create-core-service'
import { createMemorySecretStore } from '../../service/ports'
import { createFileSettingsStore } from '../../settings/file-settings-store'
import {
  startDemoServer,
  type DemoServer,
  type DemoServerOptions,
} from '../../../demo/start-demo-server'

/** What a scenario can do: change switches as `hush` does, drive the demo, and note the moments. */
export interface ScenarioContext {
  readonly demo: DemoServer
  readonly dataDir: string
  /** As `hush set <id> off`, noting the moment (the server's clock) just before it. */
  turnOff(id: string): Promise<void>
  /** As `hush apply <profile> --yes`, noting the moment for every switch it turned off. */
  apply(profile: 'plex-defaults' | 'balanced' | 'private' | 'lockdown'): Promise<void>
  /** Runs the server's clock forward. */
  advance(hours: number): void
  /** Reads every switch, as the Overview does (Hush records what it read). */
  read(): Promise<void>
}

/** One run of a scenario: what Hush said, and what the demo knows it sent. */
export interface ScenarioRun {
  readonly name: string
  readonly report: VerifyReport
  readonly statuses: readonly SwitchStatus[]
  readonly sent: readonly SentRecord[]
  /** When the scenario last turned each switch off (server clock); absent: off from the start. */
  readonly offAt: ReadonlyMap<string, number>
  /** The log's first moment (server clock): a switch off from the start is off since then. */
  readonly startedAt: number
  /** The server clock when Hush verified. */
  readonly verifiedAt: number
  /** Moments the server restarted (a switch's off time cannot reach back past them). */
  readonly restarts: readonly number[]
  /** When Hush verified, on this machine's clock (the connection witness looks then). */
  readonly verifyWindow: { readonly from: number; readonly to: number }
}

function must<T>(result: Result<T, AppError>, what: string): T {
  if (!result.ok) {
    throw new Error(`${what}: ${result.error.message}`)
  }
  return result.value
}

/** A scenario: how its demo starts and what it does before Hush verifies. */
export interface Scenario {
  readonly name: string
  readonly demo?: Partial<DemoServerOptions>
  /** Prepares the data folder before the demo starts (e.g. a server set up before Hush ran). */
  readonly before?: (dataDir: string) => Promise<void>
  readonly steps: (context: ScenarioContext) => Promise<void>
}

const backfillHours = 3

/** Runs a scenario against a fresh demo and a fresh Hush state folder. */
export async function runScenario(scenario: Scenario): Promise<ScenarioRun> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hush-matrix-demo-'))
  const stateDir = await mkdtemp(join(tmpdir(), 'hush-matrix-state-'))
  await scenario.before?.(dataDir)
  const demo = await startDemoServer({ seed: 7, backfillHours, ...scenario.demo, dataDir })
  const startedAt = demo.sent()[0]?.time ?? demo.now() - backfillHours * 3_600_000
  const offAt = new Map<string, number>()
  const restarts: number[] = []
  // A core as one `hush` command has it: the demo named, remembered nowhere.
  const core = await createCoreService({
    stateDir,
    env: {},
    secrets: createMemorySecretStore(),
    settings: createFileSettingsStore(stateDir),
    lifetime: 'command',
    language: 'en',
    named: { server: demo.url, token: demo.token, dataDir, accountUrl: demo.url },
  })
  const { api } = core
  try {
    must(await api['server.connectLocal']({ remember: false }), 'connect')
    const statuses = async (): Promise<SwitchStatus[]> =>
      must(await api['switches.status']({}), 'read the switches').switches
    await scenario.steps({
      demo,
      dataDir,
      async turnOff(id) {
        offAt.set(id, demo.now())
        demo.flushLog()
        const command = `set ${id} off`
        must(await api['switches.set']({ switchId: id, value: 'off', force: false }), command)
      },
      async apply(profile) {
        const at = demo.now()
        const before = await statuses()
        demo.flushLog()
        const plan = must(await api['switches.planProfile']({ profile }), `apply ${profile}`)
        must(await api['switches.apply']({ plan, force: false }), `apply ${profile}`)
        for (const status of await statuses()) {
          if (status.state === 'off' && before.find(s => s.id === status.id)?.state !== 'off') {
            offAt.set(status.id, at)
          }
        }
      },
      advance(hours) {
        demo.faults.advance(hours * 3_600_000)
      },
      async read() {
        await statuses()
      },
    })
    demo.flushLog()
    const from = Date.now()
    const report = must(await api['verify.run']({}), 'verify')
    const verifyWindow = { from, to: Date.now() }
    return {
      name: scenario.name,
      report,
      statuses: await statuses(),
      sent: [...demo.sent()],
      offAt,
      startedAt,
      verifiedAt: demo.now(),
      restarts,
      verifyWindow,
    }
  } finally {
    await core.stop()
    await demo.close()
    await rm(dataDir, { recursive: true, force: true })
    await rm(stateDir, { recursive: true, force: true })
  }
}
