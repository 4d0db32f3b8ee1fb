import { readdir, stat, unlink } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import type { CrashDump } from '../../common/api/preview-schemas'

/** The folder the server writes minidumps to (docs/server-reference.md §3.4). */
export function crashReportsDir(dataDir: string): string {
  return join(dataDir, 'Crash Reports')
}

/**
 * Every `.dmp` file under `Crash Reports/<version>/…`, newest first. A dump is `uploaded` when a
 * crash-report upload was logged after it was written, else `pending`.
 */
export async function listCrashDumps(
  dataDir: string,
  uploadTimes: readonly number[],
): Promise<CrashDump[]> {
  const root = crashReportsDir(dataDir)
  const dumps: CrashDump[] = []
  for (const path of await findDumps(root)) {
    const info = await stat(path)
    const version = relative(root, path).split(sep)[0] ?? ''
    const uploaded = uploadTimes.some(time => time >= info.mtimeMs)
    dumps.push({
      version,
      path,
      sizeBytes: info.size,
      modifiedAt: info.mtime.toISOString(),
      status: uploaded ? 'uploaded' : 'pending',
    })
  }
  return dumps.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt))
}

/**
 * Deletes the given dumps, refusing any path that is not a `.dmp` file inside the Crash Reports
 * folder. Returns the paths deleted.
 */
export async function deleteCrashDumps(
  dataDir: string,
  paths: readonly string[],
): Promise<string[]> {
  const root = resolve(crashReportsDir(dataDir))
  const deleted: string[] = []
  for (const path of paths) {
    const full = resolve(path)
    if (!full.startsWith(root + sep) || !full.toLowerCase().endsWith('.dmp')) {
      continue
    }
    await unlink(full)
    deleted.push(path)
  }
  return deleted
}

async function findDumps(folder: string): Promise<string[]> {
  let entries
  try {
    entries = await readdir(folder, { withFileTypes: true })
  } catch {
    return []
  }
  const found: string[] = []
  for (const entry of entries) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) {
      found.push(...(await findDumps(path)))
    } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.dmp')) {
      found.push(path)
    }
  }
  return found
}
