import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDemoServer, type DemoServer } from '../../../demo/start-demo-server'
import { createFileSettingsStore } from '../../settings/file-settings-store'
import { createCoreService, type CoreService } from '../create-core-service'
import { createMemorySecretStore, type Notifier } from '../ports'

/** A real core in a temporary state folder, with a demo server it starts on "try the demo". */
export interface TestCore {
  readonly core: CoreService
  readonly stateDir: string
  /** The demo's token once it was started (a secret no output may contain). */
  readonly demoToken: () => string | undefined
  readonly close: () => Promise<void>
}

/** Starts a TestCore; `close` stops the demo and removes the folder. */
export async function startTestCore(
  options: { readonly notifier?: Notifier } = {},
): Promise<TestCore> {
  const stateDir = await mkdtemp(join(tmpdir(), 'hush-core-'))
  let demo: DemoServer | undefined
  const core = await createCoreService({
    stateDir,
    env: {},
    secrets: createMemorySecretStore(),
    settings: createFileSettingsStore(stateDir),
    startDemo: async () => {
      demo ??= await startDemoServer({
        dataDir: join(stateDir, 'demo-server'),
        seed: 11,
        backfillHours: 2,
      })
      return demo
    },
    tailIntervalMs: 100,
    notifier: options.notifier,
  })
  return {
    core,
    stateDir,
    demoToken: () => demo?.token,
    close: async () => {
      await core.stop()
      await demo?.close()
      await rm(stateDir, { recursive: true, force: true })
    },
  }
}
