import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoServer, type DemoServer } from '../../demo/start-demo-server'
import { createCoreService } from '../service/create-core-service'
import { createMemorySecretStore } from '../service/ports'
import { createFileSettingsStore } from '../settings/file-settings-store'
import { pulledServerDir } from './mirror-folder'
import { accountTokenKey } from './remote-account'

// Quitting Hush while a pull hangs: the download is cut, nothing half is left, and the core's
// stop does not wait for the two minutes a download may take.
describe('closing the core while a log pull is under way', () => {
  let demo: DemoServer
  let work: string
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'hush-pull-close-'))
    demo = await startDemoServer({ dataDir: join(work, 'server'), seed: 2, backfillHours: 1 })
  })
  afterAll(async () => {
    await demo.close()
    await rm(work, { recursive: true, force: true })
  })

  it('cuts the download, waits for the pull to end, and leaves no partial zip', async () => {
    const stateDir = join(work, 'state')
    const secrets = createMemorySecretStore()
    await secrets.set(accountTokenKey, demo.token)
    const core = await createCoreService({
      stateDir,
      env: { HUSH_ACCOUNT_URL: demo.url },
      secrets,
      settings: createFileSettingsStore(stateDir),
    })
    await core.start()
    // Pulls only on demand, so the one below is the only one.
    await core.api['settings.update']({ logPullMinutes: 0 })
    expect((await core.api['remote.use']({ server: demo.machineIdentifier })).ok).toBe(true)
    demo.faults.hangNext('/diagnostics/logs')
    const pulling = core.api['remote.pull']({})
    const mirror = join(pulledServerDir(stateDir, demo.machineIdentifier), 'Logs')
    const partials = async () =>
      (await readdir(mirror).catch(() => [])).filter(name => name.startsWith('.pull-'))
    while ((await partials()).length === 0) {
      await new Promise(resolve => setTimeout(resolve, 20))
    }
    // The test's own 20 s limit would fail here if the stop waited for the hung download.
    await core.stop()
    const pulled = await pulling
    expect(pulled.ok).toBe(false)
    expect(await partials()).toEqual([])
  })
})
