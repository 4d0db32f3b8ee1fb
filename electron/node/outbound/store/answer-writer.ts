import type { Statement } from 'better-sqlite3'
import type { PrivacyLevel } from '../../../common/outbound/privacy-level'
import type { StoreDb } from './open-store'
import { targetWords } from './target-ids'

/** A stored event's identity: wall-clock ms and the two lanes of its hash (event-key.ts). */
export type StoredKey = readonly [wall: number, h1: number, h2: number]

/** The start (UTC) of the day of a wall-clock time in epoch ms. */
export function dayStartOf(wallMs: number): number {
  return wallMs - (((wallMs % 86_400_000) + 86_400_000) % 86_400_000)
}

/**
 * Completes stored requests with answers that came in a later batch than they did: the status,
 * and an error's text (also into the full-text index, with its target's words).
 */
export class AnswerWriter {
  private readonly answer: Statement
  private readonly answerError: Statement
  private readonly byKey: Statement
  private readonly errorPut: Statement
  private readonly errorDrop: Statement

  constructor(
    db: StoreDb,
    private readonly level: PrivacyLevel,
  ) {
    // Only an error touches the full-text index: a status alone must not re-index the row.
    this.answer = db.prepare('UPDATE events SET status = ? WHERE wall = ? AND h1 = ? AND h2 = ?')
    this.answerError = db.prepare(
      'UPDATE events SET status = ?, error = ? WHERE wall = ? AND h1 = ? AND h2 = ?',
    )
    this.byKey = db.prepare(
      `SELECT e.id, t.url, t.service FROM events e JOIN targets t ON t.id = e.target
       WHERE e.wall = ? AND e.h1 = ? AND e.h2 = ?`,
    )
    this.errorPut = db.prepare('INSERT INTO errors_fts (rowid, words) VALUES (?, ?)')
    this.errorDrop = db.prepare('DELETE FROM errors_fts WHERE rowid = ?')
  }

  /** Indexes the error of a newly stored event. */
  indexError(id: number | bigint, url: string, service: string, error: string): void {
    this.errorPut.run(id, targetWords(url, service, error))
  }

  /** Completes the request stored under `key`; returns how many rows it changed (0 or 1). */
  complete(key: StoredKey, status: number | null, error: string | null): number {
    // At privacy level 3 the stored key keeps the day only.
    const [wall, h1, h2] = this.level === 3 ? [dayStartOf(key[0]), key[1], key[2]] : key
    if (error === null) {
      return this.answer.run(status, wall, h1, h2).changes
    }
    // Privacy levels 2 and 3 keep no error text (privacy-level.ts), answered later or not.
    const kept = this.level >= 2 ? null : error
    const changes = this.answerError.run(status, kept, wall, h1, h2).changes
    const row = this.byKey.get(wall, h1, h2) as
      { id: number; url: string; service: string } | undefined
    if (row && kept !== null) {
      this.errorDrop.run(row.id)
      this.indexError(row.id, row.url, row.service, kept)
    }
    return changes
  }
}
