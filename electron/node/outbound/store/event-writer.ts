import type { Statement } from 'better-sqlite3'
import { keyTimeDigits } from '../../../common/outbound/event-key'
import type { OutboundEvent } from '../../../common/outbound/outbound-event'
import { applyPrivacyLevel, type PrivacyLevel } from '../../../common/outbound/privacy-level'
import { foldAnswers } from '../fold-answers'
import type { ParseOp } from '../log-parser'
import type { StoreDb } from './open-store'
import { TargetIds, targetWords } from './target-ids'

/** At most this many events per host per clock hour are stored; the rest are counted as dropped. */
export const defaultFloodCap = 20_000

/** How the writer stores events. */
export interface WriterOptions {
  /** Events kept per host per hour (`defaultFloodCap`). */
  readonly floodCap?: number
  /** What Hush keeps of each event (privacy-level.ts); 0 by default. */
  readonly privacyLevel?: PrivacyLevel
}

/** A tail or import position stored in the same transaction as the events it covers. */
export interface CursorWrite {
  readonly name: string
  readonly state: unknown
}

/** What one write did. */
export interface WriteResult {
  inserted: number
  answered: number
  duplicates: number
  dropped: number
}

/** Epoch ms of an event's time; a time without a zone is the server's wall clock, read as UTC. */
export function eventEpochMs(e: OutboundEvent): number {
  if (e.time.length === 10) {
    return Date.parse(`${e.time}T00:00:00Z`)
  }
  return Date.parse(e.localTime ? `${e.time}Z` : e.time)
}

const hourMs = 3_600_000

/**
 * Writes parse ops to the store in one transaction each, with the cursor and the skipped-line
 * count: a crash leaves either all of a batch and its cursor or none of them. Events arrive
 * redacted (build-event.ts) and are reduced to the privacy level before they are stored; each
 * row points at its target (target-ids.ts).
 */
export class EventWriter {
  private readonly insert: Statement
  private readonly answer: Statement
  private readonly answerError: Statement
  private readonly errorPut: Statement
  private readonly errorDrop: Statement
  private readonly byKey: Statement
  private readonly targets: TargetIds
  private readonly floodGet: Statement
  private readonly floodPut: Statement
  private readonly dailyPut: Statement
  private readonly cursorPut: Statement
  private readonly counterAdd: Statement
  private readonly floodCap: number
  private readonly level: PrivacyLevel
  private readonly run: (
    ops: readonly ParseOp[],
    cursor: CursorWrite | null,
    skipped: number,
  ) => WriteResult

  constructor(db: StoreDb, options: WriterOptions = {}) {
    this.floodCap = options.floodCap ?? defaultFloodCap
    this.level = options.privacyLevel ?? 0
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO events (key, ts, time, local_time, target, status, error, file, line)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.targets = new TargetIds(db)
    // Only an error touches the full-text index: a status alone must not re-index the row.
    this.answer = db.prepare('UPDATE events SET status = ? WHERE key = ?')
    this.answerError = db.prepare('UPDATE events SET status = ?, error = ? WHERE key = ?')
    this.errorPut = db.prepare('INSERT INTO errors_fts (rowid, words) VALUES (?, ?)')
    this.errorDrop = db.prepare('DELETE FROM errors_fts WHERE rowid = ?')
    this.byKey = db.prepare(
      `SELECT e.id, t.url, t.service FROM events e JOIN targets t ON t.id = e.target
       WHERE e.key = ?`,
    )
    this.floodGet = db.prepare('SELECT count FROM flood WHERE host = ? AND hour = ?').pluck()
    this.floodPut = db.prepare(
      `INSERT INTO flood (host, hour, count) VALUES (?, ?, ?)
       ON CONFLICT (host, hour) DO UPDATE SET count = excluded.count`,
    )
    this.dailyPut = db.prepare(
      `INSERT INTO daily_counts (day, category, host, count) VALUES (?, ?, ?, ?)
       ON CONFLICT (day, category, host) DO UPDATE SET count = count + excluded.count`,
    )
    this.cursorPut = db.prepare(
      'INSERT INTO cursors (name, state) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state',
    )
    this.counterAdd = db.prepare(
      `INSERT INTO counters (name, value) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET value = value + excluded.value`,
    )
    this.run = db.transaction(
      (ops: readonly ParseOp[], cursor: CursorWrite | null, skipped: number) =>
        this.apply(ops, cursor, skipped),
    )
  }

  /** Stores ops, the cursor and the number of newly skipped lines atomically. */
  write(ops: readonly ParseOp[], cursor: CursorWrite | null = null, skippedLines = 0): WriteResult {
    try {
      return this.run(ops, cursor, skippedLines)
    } catch (error) {
      // The targets added by the rolled-back transaction are gone: forget their ids.
      this.targets.reset()
      throw error
    }
  }

  private apply(ops: readonly ParseOp[], cursor: CursorWrite | null, skipped: number): WriteResult {
    const result: WriteResult = { inserted: 0, answered: 0, duplicates: 0, dropped: 0 }
    const flood = new Map<string, { host: string; hour: number; count: number }>()
    const daily = new Map<string, { day: string; category: string; host: string; count: number }>()
    const folded = foldAnswers(ops)
    result.answered += ops.length - folded.length
    for (const op of folded) {
      if (op.op === 'answer') {
        result.answered += this.storeAnswer(op.key, op.status, op.error)
        continue
      }
      const e = op.event
      const ts = eventEpochMs(e)
      const hour = Math.floor(ts / hourMs)
      const floodKey = `${hour} ${e.host}`
      let bucket = flood.get(floodKey)
      if (!bucket) {
        const stored = this.floodGet.get(e.host, hour) as number | undefined
        bucket = { host: e.host, hour, count: stored ?? 0 }
        flood.set(floodKey, bucket)
      }
      if (bucket.count >= this.floodCap) {
        bucket.count++
        result.dropped++
        continue
      }
      const s = applyPrivacyLevel(e, this.level)
      const day = s.time.slice(0, 10)
      const info = this.insert.run(
        this.level === 3 ? dayKey(s.key, day) : s.key,
        this.level === 3 ? eventEpochMs(s) : ts,
        s.time,
        s.localTime ? 1 : 0,
        this.targets.idOf(s),
        s.status,
        s.error,
        s.source.file,
        s.source.line,
      )
      if (info.changes === 0) {
        result.duplicates++
        continue
      }
      if (s.error !== null) {
        this.errorPut.run(info.lastInsertRowid, targetWords(s.url, s.service, s.error))
      }
      bucket.count++
      result.inserted++
      const dailyKey = `${day} ${s.category} ${s.host}`
      const d = daily.get(dailyKey)
      if (d) {
        d.count++
      } else {
        daily.set(dailyKey, { day, category: s.category, host: s.host, count: 1 })
      }
    }
    // A duplicate was counted for its target too; counts only plan searches, so a few extra do
    // no harm, and retention recounts.
    this.targets.flushCounts()
    for (const b of flood.values()) {
      this.floodPut.run(b.host, b.hour, b.count)
    }
    for (const d of daily.values()) {
      this.dailyPut.run(d.day, d.category, d.host, d.count)
    }
    if (result.dropped > 0) {
      this.counterAdd.run('dropped', result.dropped)
    }
    if (skipped > 0) {
      this.counterAdd.run('skipped', skipped)
    }
    if (cursor) {
      this.cursorPut.run(cursor.name, JSON.stringify(cursor.state))
    }
    return result
  }

  /** Completes a stored request with its answer; an error also enters the full-text index. */
  private storeAnswer(key: string, status: number | null, error: string | null): number {
    if (error === null) {
      return this.answer.run(status, key).changes
    }
    // Privacy levels 2 and 3 keep no error text (privacy-level.ts), answered later or not.
    const kept = this.level >= 2 ? null : error
    const changes = this.answerError.run(status, kept, key).changes
    const row = this.byKey.get(key) as { id: number; url: string; service: string } | undefined
    if (row && kept !== null) {
      this.errorDrop.run(row.id)
      this.errorPut.run(row.id, targetWords(row.url, row.service, kept))
    }
    return changes
  }
}

/** At privacy level 3 a key keeps the day, not the time: its prefix becomes the day's start. */
function dayKey(key: string, day: string): string {
  return (
    Date.parse(`${day}T00:00:00Z`).toString(16).padStart(keyTimeDigits, '0') +
    key.slice(keyTimeDigits)
  )
}
