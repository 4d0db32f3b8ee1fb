import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createSharedFolders } from '../node/files/testing/shared-folder'
import { runCli } from './run-cli'
import { createMemoryIo } from './testing/memory-io'

const shared = createSharedFolders()
afterEach(shared.removeAll)

describe.skipIf(process.platform === 'win32')('the state folder of a command', () => {
  it('is refused by the command line in one line, and a folder inside it is fine', async () => {
    const dir = await shared.make()
    const io = createMemoryIo()
    expect(await runCli(['log', 'stats', '--state-dir', dir], io)).toBe(2)
    expect(io.errText()).toContain(`${dir} is a folder other users can write in`)
    expect((await stat(dir)).mode & 0o7777).toBe(0o1777)
    const own = createMemoryIo()
    expect(await runCli(['log', 'stats', '--state-dir', join(dir, 'hush')], own)).toBe(0)
    expect((await stat(join(dir, 'hush'))).mode & 0o777).toBe(0o700)
  })
})
