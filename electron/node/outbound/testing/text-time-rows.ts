import type Database from 'better-sqlite3'
import { timeForm } from '../store/stored-time'

/** The columns and table the compact-row step (the schema's eighth) adds. */
export const compactRowStep = `
  ALTER TABLE events ADD COLUMN time_form INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE events ADD COLUMN file_id INTEGER;
  CREATE TABLE log_files (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
`

/**
 * Turns a store's rows into what a writer before the compact-row step stored — every event's
 * time and file name as text — and takes that step's columns and table away again.
 */
export function toTextTimeRows(db: Database.Database): void {
  db.exec(`
    UPDATE events SET time = ${eventTimeSql('events')},
      file = COALESCE((SELECT name FROM log_files WHERE id = events.file_id), file);
    ALTER TABLE events DROP COLUMN time_form;
    ALTER TABLE events DROP COLUMN file_id;
    DROP TABLE log_files;
  `)
}

/** The columns of a table by its alias (or its name) in a query. */
function columnOf(alias: string): (column: string) => string {
  return column => `${alias}.${column}`
}

/**
 * SQL for an event's time as ISO 8601 text, what `storedTimeText` reads, for tests that look at
 * rows in SQL: the wall clock to the second, its milliseconds when it had them, and the zone
 * unless the server's wall clock was all the log told.
 */
export function eventTimeSql(alias: string): string {
  const c = columnOf(alias)
  const offset = `abs(${c('wall')} - ${c('ts')})`
  const derived =
    `strftime('%Y-%m-%dT%H:%M:%S', ${c('wall')} / 1000, 'unixepoch')` +
    ` || CASE ${c('time_form')} WHEN ${timeForm.millis} THEN printf('.%03d', ${c('wall')} % 1000) ELSE '' END` +
    ` || CASE WHEN ${c('local_time')} = 1 THEN '' ELSE printf('%s%02d:%02d',` +
    ` CASE WHEN ${c('wall')} < ${c('ts')} THEN '-' ELSE '+' END, ${offset} / 3600000, ${offset} / 60000 % 60) END`
  return `CASE ${c('time_form')} WHEN ${timeForm.text} THEN ${c('time')} ELSE ${derived} END`
}
