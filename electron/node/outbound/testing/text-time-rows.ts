import Database from 'better-sqlite3'
import { importFiles } from '../import/import-files'
import { EventWriter } from '../store/event-writer'
import { migrations } from '../store/migrations'
import { storedTimeText } from '../store/stored-time'

/** The schema's eighth step, which made rows compact (a time form, a file id). */
const compactRowsStep = migrations[7] as string

/**
 * SQL for an event's time as text, for tests that read rows in SQL: `storedTimeText` of the row
 * of `alias`, through a function this registers on `db`.
 */
export function storedTimeSql(db: Database.Database, alias: string): string {
  db.function('stored_time', { deterministic: true }, (time, form, wall, ts, local) =>
    storedTimeText({
      time: time as string,
      time_form: form as number,
      wall: wall as number,
      ts: ts as number,
      local_time: local as number,
    }),
  )
  const c = (column: string) => `${alias}.${column}`
  return `stored_time(${['time', 'time_form', 'wall', 'ts', 'local_time'].map(c).join(', ')})`
}

/**
 * Turns a store's rows into what a writer before the compact-row step stored — every event's
 * time and file name as text — and takes that step's columns and table away again.
 */
export function toTextTimeRows(db: Database.Database): void {
  db.exec(`
    UPDATE events SET time = ${storedTimeSql(db, 'events')},
      file = COALESCE((SELECT name FROM log_files WHERE id = events.file_id), file);
    ALTER TABLE events DROP COLUMN time_form;
    ALTER TABLE events DROP COLUMN file_id;
    DROP TABLE log_files;
  `)
}

/**
 * Writes a store at `path` of the schema's first `steps` steps (seven at most: before the compact
 * rows), holding `logs` as that schema's writer stored them.
 */
export async function writeTextRowStore(
  path: string,
  steps: number,
  logs: readonly string[],
): Promise<void> {
  const db = new Database(path)
  try {
    migrations.slice(0, steps).forEach(step => db.exec(step))
    db.exec(compactRowsStep)
    await importFiles(db, new EventWriter(db), logs)
    toTextTimeRows(db)
    db.pragma(`user_version = ${steps}`)
  } finally {
    db.close()
  }
}
