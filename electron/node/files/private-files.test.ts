import { chmod, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ensurePrivateDir, ensurePrivateDirSync, securePrivateTreeSync } from './private-files'
import { createSharedFolders } from './testing/shared-folder'

const shared = createSharedFolders()
afterEach(shared.removeAll)

/** A shared folder holding a file of someone else's. */
async function sharedFolder(): Promise<string> {
  const dir = await shared.make()
  await writeFile(join(dir, 'someone-elses.txt'), 'kept as it is')
  await chmod(join(dir, 'someone-elses.txt'), 0o644)
  return dir
}

describe.skipIf(process.platform === 'win32')('a state folder other users can write in', () => {
  it('is never made private, and the files of others in it keep their modes', async () => {
    const dir = await sharedFolder()
    await expect(ensurePrivateDir(dir)).rejects.toThrow(/other users can write in/)
    expect(() => ensurePrivateDirSync(dir)).toThrow(/other users can write in/)
    expect(() => securePrivateTreeSync(dir)).toThrow(/a folder of its own/)
    expect((await stat(dir)).mode & 0o7777).toBe(0o1777)
    expect((await stat(join(dir, 'someone-elses.txt'))).mode & 0o777).toBe(0o644)
  })
})
