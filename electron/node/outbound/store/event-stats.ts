import type { OutboundCategory } from '../../../common/outbound/categories'
import { eventsJoined } from './event-queries'
import { filterClause, type EventFilter } from './filter-clause'
import type { StoreDb } from './open-store'

/** Counts over the log (the contract's LogStats). */
export interface EventStats {
  total: number
  byCategory: { category: OutboundCategory; count: number }[]
  byHost: { host: string; category: OutboundCategory; count: number }[]
  byDay: { day: string; category: OutboundCategory; count: number }[]
  skippedLines: number
  droppedEvents: number
}

function isEmpty(f: EventFilter): boolean {
  return !f.category && !f.host && !f.since && !f.until && !f.search && !f.upstreamOnly
}

function counter(db: StoreDb, name: string): number {
  return (
    (db.prepare('SELECT value FROM counters WHERE name = ?').pluck().get(name) as
      number | undefined) ?? 0
  )
}

/**
 * Counts by category, by host and per category per day. Without a filter they come from
 * `daily_counts` (kept by the writer, a few rows per day); with one, from the indexed events.
 */
export function eventStats(db: StoreDb, f: EventFilter = {}): EventStats {
  let source: string
  let params: (string | number)[] = []
  let countExpr = 'count'
  if (isEmpty(f)) {
    source = 'daily_counts'
  } else {
    const built = filterClause(db, f)
    source = `(SELECT substr(e.time, 1, 10) AS day, t.category, t.host FROM ${eventsJoined} ${built.where.length ? `WHERE ${built.where.join(' AND ')}` : ''})`
    params = built.params
    countExpr = '1'
  }
  const byCategory = db
    .prepare(
      `SELECT category, SUM(${countExpr}) AS count FROM ${source} GROUP BY category ORDER BY count DESC`,
    )
    .all(...params) as EventStats['byCategory']
  const byHost = db
    .prepare(
      `SELECT host, category, SUM(${countExpr}) AS count FROM ${source} GROUP BY host, category ORDER BY count DESC`,
    )
    .all(...params) as EventStats['byHost']
  const byDay = db
    .prepare(
      `SELECT day, category, SUM(${countExpr}) AS count FROM ${source} GROUP BY day, category ORDER BY day, category`,
    )
    .all(...params) as EventStats['byDay']
  return {
    total: byCategory.reduce((sum, c) => sum + c.count, 0),
    byCategory,
    byHost,
    byDay,
    skippedLines: counter(db, 'skipped'),
    droppedEvents: counter(db, 'dropped'),
  }
}

/** Deletes events older than `days` days before `now`, in chunks, and the counts of those days. */
export function applyRetention(db: StoreDb, days: number, now: number = Date.now()): number {
  const cutoff = now - days * 86_400_000
  const cutoffDay = new Date(cutoff).toISOString().slice(0, 10)
  const del = db.prepare(
    'DELETE FROM events WHERE id IN (SELECT id FROM events WHERE ts < ? LIMIT 5000)',
  )
  let removed = 0
  for (;;) {
    const n = db.transaction(() => del.run(cutoff).changes)()
    removed += n
    if (n === 0) {
      break
    }
  }
  db.transaction(() => {
    db.prepare('DELETE FROM daily_counts WHERE day <= ?').run(cutoffDay)
    db.prepare(
      `INSERT INTO daily_counts (day, category, host, count)
       SELECT substr(e.time, 1, 10) AS day, t.category, t.host, COUNT(*) FROM ${eventsJoined}
       WHERE e.ts < ? AND substr(e.time, 1, 10) <= ? GROUP BY day, t.category, t.host`,
    ).run(cutoff + 2 * 86_400_000, cutoffDay)
    // Recount what remains of each target (the counts plan searches). A target left without
    // events stays: a writer in another process may hold its id, and a target is one short row.
    db.prepare(
      'UPDATE targets SET events = (SELECT COUNT(*) FROM events WHERE target = targets.id)',
    ).run()
    db.prepare('DELETE FROM flood WHERE hour < ?').run(Math.floor(cutoff / 3_600_000))
  })()
  return removed
}
