import type { Statement } from 'better-sqlite3'
import type { OutboundEvent } from '../../../common/outbound/outbound-event'
import { applyPrivacyLevel, type PrivacyLevel } from '../../../common/outbound/privacy-level'
import { foldAnswers } from '../fold-answers'
import type { ParseOp } from '../log-parser'
import type { StoreDb } from './open-store'

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

/** The text the full-text index holds for an event: URL (host, path, query), service and error. */
export function ftsWords(url: string, service: string, error: string | null): string {
  return error === null ? `${url} ${service}` : `${url} ${service} ${error}`
}

/**
 * Writes parse ops to the store in one transaction each, with the cursor and the skipped-line
 * count: a crash leaves either all of a batch and its cursor or none of them. Events arrive
 * redacted (build-event.ts) and are reduced to the privacy level before they are stored.
 */
export class EventWriter {
  private readonly insert: Statement
  private readonly answer: Statement
  private readonly answerError: Statement
  private readonly ftsPut: Statement
  private readonly ftsFill: Statement
  private readonly ftsDrop: Statement
  private readonly byKey: Statement
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
      `INSERT OR IGNORE INTO events (key, ts, time, local_time, day, method, url, host, upstream,
        status, error, service, category, policy_item, file, line)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    // Only an error touches an indexed text column: a status alone must not re-index the row.
    this.answer = db.prepare('UPDATE events SET status = ? WHERE key = ?')
    this.answerError = db.prepare('UPDATE events SET status = ?, error = ? WHERE key = ?')
    this.ftsPut = db.prepare('INSERT INTO events_fts (rowid, words) VALUES (?, ?)')
    this.ftsDrop = db.prepare('DELETE FROM events_fts WHERE rowid = ?')
    // The same words as ftsWords, for every row this transaction inserted, in one statement.
    this.ftsFill = db.prepare(
      `INSERT INTO events_fts (rowid, words)
       SELECT id, url || ' ' || service || coalesce(' ' || error, '') FROM events WHERE id >= ?`,
    )
    this.byKey = db.prepare('SELECT id, url, service FROM events WHERE key = ?')
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
    return this.run(ops, cursor, skippedLines)
  }

  private apply(ops: readonly ParseOp[], cursor: CursorWrite | null, skipped: number): WriteResult {
    const result: WriteResult = { inserted: 0, answered: 0, duplicates: 0, dropped: 0 }
    const flood = new Map<string, { host: string; hour: number; count: number }>()
    const daily = new Map<string, { day: string; category: string; host: string; count: number }>()
    // Ids grow within a transaction: the rows inserted here are those from the first new id on.
    let firstId = Infinity
    const folded = foldAnswers(ops)
    result.answered += ops.length - folded.length
    for (const op of folded) {
      if (op.op === 'answer') {
        if (op.error === null) {
          result.answered += this.answer.run(op.status, op.key).changes
        } else {
          result.answered += this.answerError.run(op.status, op.error, op.key).changes
          const row = this.byKey.get(op.key) as
            { id: number; url: string; service: string } | undefined
          if (row && row.id < firstId) {
            this.ftsDrop.run(row.id)
            this.ftsPut.run(row.id, ftsWords(row.url, row.service, op.error))
          }
        }
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
        s.key,
        this.level === 3 ? eventEpochMs(s) : ts,
        s.time,
        s.localTime ? 1 : 0,
        day,
        s.method,
        s.url,
        s.host,
        s.upstream ? 1 : 0,
        s.status,
        s.error,
        s.service,
        s.category,
        s.policyItem,
        s.source.file,
        s.source.line,
      )
      if (info.changes === 0) {
        result.duplicates++
        continue
      }
      if (firstId === Infinity) {
        firstId = Number(info.lastInsertRowid)
      }
      bucket.count++
      result.inserted++
      const dayKey = `${day} ${s.category} ${s.host}`
      const d = daily.get(dayKey)
      if (d) {
        d.count++
      } else {
        daily.set(dayKey, { day, category: s.category, host: s.host, count: 1 })
      }
    }
    if (firstId !== Infinity) {
      this.ftsFill.run(firstId)
    }
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
}
