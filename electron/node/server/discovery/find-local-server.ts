import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { AppError } from '../../../common/api/errors'
import { ok, type Result } from '../../../common/util/result'
import type { CommandRunner } from './command-runner'
import { dataDirCandidates, pmsFolderName, type DiscoveryPlatform } from './data-dir-candidates'
import { readMacosPlist } from './read-macos-plist'
import { readPreferencesXml, type StoredPreferences } from './read-preferences-xml'
import { readWindowsRegistry } from './read-windows-registry'

/** The local server's data folder and stored preferences, as far as they were found. */
export interface LocalServer {
  readonly dataDir: string | null
  readonly preferencesFile: string | null
  readonly preferences: StoredPreferences | null
  /** Every folder that was looked at, for the "not found" message. */
  readonly searched: readonly string[]
}

/** How to find the local server: the platform, and a way to run `reg` / `plutil`. */
export interface FindOptions extends DiscoveryPlatform {
  /** `--data-dir`: the server's data folder (or its parent). */
  readonly dataDir?: string
  readonly runCommand: CommandRunner
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

/**
 * Finds the server's data folder and reads its token and machine identifier: from
 * `Preferences.xml`, or on Windows the registry and on macOS the plist. A malformed
 * Preferences.xml is an error value, never a crash.
 */
export async function findLocalServer(
  options: FindOptions,
): Promise<Result<LocalServer, AppError>> {
  let stored: StoredPreferences | null = null
  if (!options.dataDir && options.platform === 'win32') {
    stored = await readWindowsRegistry(options.runCommand)
  } else if (!options.dataDir && options.platform === 'darwin') {
    stored = await readMacosPlist(options.runCommand, options.home)
  }
  const candidates = options.dataDir
    ? [options.dataDir, join(options.dataDir, pmsFolderName)]
    : dataDirCandidates(options, stored?.localAppDataPath ?? null)
  let firstExisting: string | null = null
  for (const dir of candidates) {
    if (!(await isDirectory(dir))) {
      continue
    }
    firstExisting ??= dir
    const file = join(dir, 'Preferences.xml')
    const read = await readPreferencesXml(file)
    if (!read.ok) {
      return read
    }
    if (read.value) {
      // The registry or plist is where those platforms keep the token; a file is the fallback.
      return ok({
        dataDir: dir,
        preferencesFile: file,
        preferences: stored ?? read.value,
        searched: candidates,
      })
    }
  }
  return ok({
    dataDir: firstExisting,
    preferencesFile: null,
    preferences: stored,
    searched: candidates,
  })
}
