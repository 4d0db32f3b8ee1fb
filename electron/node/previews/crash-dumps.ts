import { readdir, stat, unlink } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { appError, type AppError } from '../../common/api/errors'
import type { CrashDump } from '../../common/api/preview-schemas'
import { err, ok, type Result } from '../../common/util/result'

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
    // A dump deleted (or uploaded) since the folder was listed is simply not there any more.
    const info = await stat(path).catch(() => null)
    if (info === null) {
      continue
    }
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
 * folder. Resolves to the paths no longer on disk: deleted now, or already gone (the server
 * uploads and removes dumps on its own). A dump that cannot be deleted is a `fileError`.
 */
export async function deleteCrashDumps(
  dataDir: string,
  paths: readonly string[],
): Promise<Result<string[], AppError>> {
  const root = resolve(crashReportsDir(dataDir))
  const deleted: string[] = []
  for (const path of paths) {
    const full = resolve(path)
    if (!full.startsWith(root + sep) || !full.toLowerCase().endsWith('.dmp')) {
      continue
    }
    try {
      await unlink(full)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT') {
        const done = deleted.length > 0 ? ` (${deleted.length} deleted before it)` : ''
        return err(appError('fileError', `cannot delete ${path} (${String(code)})${done}`))
      }
    }
    deleted.push(path)
  }
  return ok(deleted)
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
