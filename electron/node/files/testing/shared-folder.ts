import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Temporary folders that anyone may write in, as /tmp is (mode 1777), for the tests of the
 * shared-folder refusal; `removeAll` deletes every one made so far.
 */
export function createSharedFolders(): {
  readonly make: () => Promise<string>
  readonly removeAll: () => Promise<void>
} {
  const folders: string[] = []
  return {
    make: async () => {
      const dir = await mkdtemp(join(tmpdir(), 'hush-shared-'))
      folders.push(dir)
      await chmod(dir, 0o1777)
      return dir
    },
    removeAll: async () => {
      await Promise.all(folders.splice(0).map(dir => rm(dir, { recursive: true, force: true })))
    },
  }
}
