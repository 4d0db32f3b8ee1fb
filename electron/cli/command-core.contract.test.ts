import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { startTestDemo } from '../demo/demo-test-helpers'
import { describeCommandContract } from '../node/service/testing/command-contract-suite'
import { openCommandCore } from './command-core'
import { createMemoryIo } from './testing/memory-io'

const cleanups: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) {
    await cleanup()
  }
})

// The cores are opened exactly as `hush <command>` opens its own, from the common options.
describeCommandContract('the in-process bridge, as the CLI opens it', async () => {
  const started = await startTestDemo({ backfillHours: 1 })
  const stateDir = await mkdtemp(join(tmpdir(), 'hush-command-'))
  cleanups.push(started.cleanup, () => rm(stateDir, { recursive: true, force: true }))
  const { demo } = started
  const open = async () => {
    const core = await openCommandCore(
      {
        positionals: [],
        options: {
          server: demo.url,
          token: demo.token,
          'account-url': demo.url,
          'data-dir': demo.dataDir,
          'state-dir': stateDir,
        },
        io: createMemoryIo(),
      },
      {},
    )
    cleanups.push(core.close)
    return core.bridge
  }
  return { bridge: await open(), secret: demo.token, dataDir: demo.dataDir, next: open }
})
