import type Database from 'better-sqlite3'
import { eventTimeSql } from '../store/stored-time'

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
