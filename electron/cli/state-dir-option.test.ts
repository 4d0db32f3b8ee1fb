import { chmod, mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from './run-cli'
import { createMemoryIo } from './testing/memory-io'

const folders: string[] = []

async function sharedFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hush-shared-'))
  folders.push(dir)
  // As /tmp is: anyone may write in it.
  await chmod(dir, 0o1777)
  return dir
}

afterEach(async () => {
  await Promise.all(folders.splice(0).map(dir => rm(dir, { recursive: true, force: true })))
})

describe.skipIf(process.platform === 'win32')('the state folder of a command', () => {
  it('is refused by the command line in one line, and a folder inside it is fine', async () => {
    const dir = await sharedFolder()
    const io = createMemoryIo()
    expect(await runCli(['log', 'stats', '--state-dir', dir], io)).toBe(2)
    expect(io.errText()).toContain(`${dir} is a folder other users can write in`)
    expect((await stat(dir)).mode & 0o7777).toBe(0o1777)
    const own = createMemoryIo()
    expect(await runCli(['log', 'stats', '--state-dir', join(dir, 'hush')], own)).toBe(0)
    expect((await stat(join(dir, 'hush'))).mode & 0o777).toBe(0o700)
  })
})
