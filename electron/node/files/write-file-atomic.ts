import { randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { privateDirMode, privateFileMode } from './private-files'

/**
 * Writes a file so that a crash leaves either the old or the new content, never half of it:
 * temp file in the same folder, fsync, rename over the target. The file is owner-only (0600), and
 * a folder created for it too (0700). With `durable`, the folder is synced after the rename, so
 * that the new name survives a power cut as well (the apply journal needs that).
 */
export async function writeFileAtomic(
  path: string,
  content: string | Buffer,
  options: { readonly durable?: boolean } = {},
): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: privateDirMode })
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`
  const handle = await open(temp, 'w', privateFileMode)
  try {
    await handle.writeFile(content)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  if (options.durable === true) {
    await syncFolder(dirname(path))
  }
}

/** Flushes a folder's entries (a rename) to disk; Windows cannot open a folder, and needs not. */
export async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') {
    return
  }
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
