import Database from 'better-sqlite3'
import { closeSync, openSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  makeFilesPrivateSync,
  privateFileMode,
  securePrivateTreeSync,
} from '../../files/private-files'
import { environmentFailure } from '../../files/system-error'
import { migrations } from './migrations'

/** An open outbound-log database. */
export type StoreDb = Database.Database

/** The store's file name inside Hush's state folder. */
export const storeFileName = 'outbound.sqlite'

/**
 * Pages of write-ahead log after which a commit copies it into the database file: ~16 MB
 * instead of SQLite's 4 MB, fewer stalls while importing a backlog.
 */
const walCheckpointPages = 4000

/** The store's page cache, in KiB (negative, as SQLite takes it): 16 MB. */
export const storeCacheKib = -16000

/** A store SQLite cannot read: a one-line error that says what to do (no trace). */
function damaged(path: string, error: unknown): Error {
  const code = (error as { code?: unknown }).code
  const name = typeof code === 'string' ? code : 'SQLITE_ERROR'
  return environmentFailure(
    `${path} is not a Hush database or is damaged (${name}); move it aside and Hush starts a new one`,
  )
}

/** The store's path inside a state folder. */
export function storePath(stateDir: string): string {
  return join(stateDir, storeFileName)
}

/**
 * Opens (and creates or migrates) the outbound-log database: WAL, `synchronous=NORMAL` (a
 * committed batch survives an application crash; after a power loss a few lines are re-read from
 * the stored cursor), `user_version` migrations, each in its own transaction.
 */
export function openStore(
  path: string,
  options: { readonly nativeBinding?: string } = {},
): StoreDb {
  // It holds media titles: owner-only. SQLite gives -wal and -shm the mode of the database file.
  securePrivateTreeSync(dirname(path))
  closeSync(openSync(path, 'a', privateFileMode))
  makeFilesPrivateSync([path, `${path}-wal`, `${path}-shm`])
  // The desktop app hands over Electron's own build of the module (see docs/packaging.md).
  const db = new Database(
    path,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  )
  try {
    db.pragma('journal_mode = WAL')
  } catch (error) {
    db.close()
    throw damaged(path, error)
  }
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  db.pragma(`cache_size = ${storeCacheKib}`)
  db.pragma(`wal_autocheckpoint = ${walCheckpointPages}`)
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > migrations.length) {
    db.close()
    throw environmentFailure(`${path} was written by a newer Hush (schema ${current})`)
  }
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version] as string)
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
  return db
}
