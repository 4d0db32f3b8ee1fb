import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { chmod, mkdir } from 'node:fs/promises'
import { join } from 'node:path'

/** Hush's state folder and the folders in it: only the owner may list or enter them. */
export const privateDirMode = 0o700

/** Every file in Hush's state folder: only the owner may read or write it. */
export const privateFileMode = 0o600

// Windows has no POSIX modes (chmod only toggles read-only); the folder's ACL is the user's already.
const posix = process.platform !== 'win32'

function ignoreMissing(error: unknown): void {
  const code = (error as NodeJS.ErrnoException).code
  if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EPERM') {
    throw error
  }
}

/**
 * Why a folder must not become Hush's private folder: other users may write in it (the sticky
 * bit of /tmp, or write for all), so making it owner-only would lock them out. Null when it is
 * fine or not there yet.
 */
export function sharedFolderProblem(dir: string): string | null {
  if (!posix) {
    return null
  }
  let mode: number
  try {
    mode = statSync(dir).mode
  } catch {
    return null
  }
  return (mode & 0o1002) !== 0
    ? `${dir} is a folder other users can write in (like /tmp); Hush makes its state folder private, so give it a folder of its own (for example ${join(dir, 'hush')})`
    : null
}

function refuseShared(dir: string): void {
  const problem = sharedFolderProblem(dir)
  if (problem !== null) {
    throw new Error(problem)
  }
}

/** Creates a folder (and missing parents) owner-only, and makes an existing one owner-only. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  refuseShared(dir)
  await mkdir(dir, { recursive: true, mode: privateDirMode })
  if (posix) {
    await chmod(dir, privateDirMode).catch(ignoreMissing)
  }
}

/** ensurePrivateDir for code that must stay synchronous (opening the SQLite store). */
export function ensurePrivateDirSync(dir: string): void {
  refuseShared(dir)
  mkdirSync(dir, { recursive: true, mode: privateDirMode })
  if (posix) {
    try {
      chmodSync(dir, privateDirMode)
    } catch (error) {
      ignoreMissing(error)
    }
  }
}

/** Makes existing files owner-only (0600); a file that is not there is skipped. */
export function makeFilesPrivateSync(paths: readonly string[]): void {
  if (!posix) {
    return
  }
  for (const path of paths) {
    try {
      chmodSync(path, privateFileMode)
    } catch (error) {
      ignoreMissing(error)
    }
  }
}

/** The folders of Hush's state folder, relative to it, that hold its files. */
const stateFolders = ['', 'switchboard', join('switchboard', 'snapshots'), 'watch']

const secured = new Set<string>()

/**
 * Makes Hush's state folder private, once per process: the folder and its sub-folders 0700, every
 * file in them 0600, so that files an older Hush created with the default modes (0644 in a 0755
 * folder) are fixed. Only Hush's own folders are visited, and executables are left alone, in case
 * `--state-dir` names a folder that holds other things too.
 */
export function securePrivateTreeSync(stateDir: string): void {
  if (secured.has(stateDir)) {
    return
  }
  secured.add(stateDir)
  ensurePrivateDirSync(stateDir)
  if (!posix) {
    return
  }
  for (const folder of stateFolders) {
    const dir = join(stateDir, folder)
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch {
      continue
    }
    makeDirPrivateSync(dir)
    for (const entry of entries) {
      const path = join(dir, entry.name)
      if (entry.isFile() && !isExecutable(path)) {
        makeFilesPrivateSync([path])
      }
    }
  }
}

function makeDirPrivateSync(dir: string): void {
  try {
    chmodSync(dir, privateDirMode)
  } catch (error) {
    ignoreMissing(error)
  }
}

function isExecutable(path: string): boolean {
  try {
    return (statSync(path).mode & 0o111) !== 0
  } catch {
    return true
  }
}
