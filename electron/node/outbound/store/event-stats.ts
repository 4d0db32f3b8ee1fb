import type { OutboundCategory } from '../../../common/outbound/categories'
import { eventsJoined } from './event-queries'
import { blockOf, idSpanOfTimes, retallyBlocks } from './event-tally'
import type { EventFilter } from './filter-clause'
import { tallyCounts, tallyTotal } from './tally-queries'
import type { StoreDb } from './open-store'
import { eventDaySql } from './stored-time'

/** Counts over the log (the contract's LogStats). */
export interface EventStats {
  total: number
  byCategory: { category: OutboundCategory; count: number }[]
  byHost: { host: string; category: OutboundCategory; count: number }[]
  byDay: { day: string; category: OutboundCategory; count: number }[]
  /** Per witness per day: the log's events and the connections, for a chart of both. */
  byWitnessDay: { day: string; witness: 'log' | 'network'; count: number }[]
  skippedLines: number
  droppedEvents: number
}

function isEmpty(f: EventFilter): boolean {
  return (
    !f.category && !f.host && !f.since && !f.until && !f.search && !f.upstreamOnly && !f.witness
  )
}

/** Whether any connection was ever stored (through `targets_source`: one index probe). */
function hasConnections(db: StoreDb): boolean {
  return (
    db.prepare("SELECT EXISTS (SELECT 1 FROM targets WHERE source = 'network')").pluck().get() === 1
  )
}

/** Per day, how many of the matching events each witness saw (connections are few: counted). */
function byWitnessDay(
  db: StoreDb,
  f: EventFilter,
  byDay: ReadonlyMap<string, number>,
): EventStats['byWitnessDay'] {
  const network = new Map<string, number>()
  // A store that never saw a connection (no witness ran, or the server is on another machine)
  // needs no second count.
  if (f.witness !== 'log' && hasConnections(db)) {
    for (const [key, count] of tallyCounts(db, { ...f, witness: 'network' }, 'group')) {
      const day = String(key).slice(0, 10)
      network.set(day, (network.get(day) ?? 0) + count)
    }
  }
  const rows: EventStats['byWitnessDay'] = []
  for (const [day, total] of [...byDay].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const seen = network.get(day) ?? 0
    if (total - seen > 0) {
      rows.push({ day, witness: 'log', count: total - seen })
    }
    if (seen > 0) {
      rows.push({ day, witness: 'network', count: seen })
    }
  }
  return rows
}

function counter(db: StoreDb, name: string): number {
  return (
    (db.prepare('SELECT value FROM counters WHERE name = ?').pluck().get(name) as
      number | undefined) ?? 0
  )
}

/**
 * Counts by category, by host and per category per day. Without a filter they come from
 * `daily_counts` (kept by the writer, a few rows per day); with one, from the tallies of blocks of
 * events and the events of the blocks a time bound cuts (tally-queries.ts).
 */
export function eventStats(db: StoreDb, f: EventFilter = {}): EventStats {
  const groups: [string, OutboundCategory, string, number][] = isEmpty(f)
    ? (db.prepare('SELECT day, category, host, count FROM daily_counts').raw().all() as [
        string,
        OutboundCategory,
        string,
        number,
      ][])
    : [...tallyCounts(db, f, 'group')].map(([key, count]) => {
        const [day, category, host] = String(key).split('\t') as [string, OutboundCategory, string]
        return [day, category, host, count]
      })
  const byCategory = new Map<OutboundCategory, number>()
  const byHost = new Map<string, { host: string; category: OutboundCategory; count: number }>()
  const byDay = new Map<string, { day: string; category: OutboundCategory; count: number }>()
  for (const [day, category, host, count] of groups) {
    if (count === 0) {
      continue
    }
    byCategory.set(category, (byCategory.get(category) ?? 0) + count)
    const hostKey = `${host}\t${category}`
    const h = byHost.get(hostKey)
    if (h) {
      h.count += count
    } else {
      byHost.set(hostKey, { host, category, count })
    }
    const dayKey = `${day}\t${category}`
    const d = byDay.get(dayKey)
    if (d) {
      d.count += count
    } else {
      byDay.set(dayKey, { day, category, count })
    }
  }
  const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
  const perDay = new Map<string, number>()
  for (const d of byDay.values()) {
    perDay.set(d.day, (perDay.get(d.day) ?? 0) + d.count)
  }
  const categories = [...byCategory]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => b.count - a.count || compare(a.category, b.category))
  return {
    total: categories.reduce((sum, c) => sum + c.count, 0),
    byCategory: categories,
    byHost: [...byHost.values()].sort(
      (a, b) => b.count - a.count || compare(a.host, b.host) || compare(a.category, b.category),
    ),
    byDay: [...byDay.values()].sort(
      (a, b) => compare(a.day, b.day) || compare(a.category, b.category),
    ),
    byWitnessDay: byWitnessDay(db, f, perDay),
    skippedLines: counter(db, 'skipped'),
    droppedEvents: counter(db, 'dropped'),
  }
}

/** How many events a filter matches, without counting them by category, host and day. */
export function countEvents(db: StoreDb, f: EventFilter = {}): number {
  if (isEmpty(f)) {
    return db.prepare('SELECT COALESCE(SUM(count), 0) FROM daily_counts').pluck().get() as number
  }
  return tallyTotal(db, f)
}

/** Deletes events older than `days` days before `now`, in chunks, and the counts of those days. */
export function applyRetention(db: StoreDb, days: number, now: number = Date.now()): number {
  const cutoff = now - days * 86_400_000
  const cutoffDay = new Date(cutoff).toISOString().slice(0, 10)
  // Only the blocks of ids that hold an event older than the cutoff are read (event_blocks).
  const old = idSpanOfTimes(db, null, cutoff)
  const del = db.prepare(
    `DELETE FROM events WHERE id IN (SELECT id FROM events WHERE id < ? AND ts < ?
      AND id NOT IN (SELECT event FROM flows WHERE closed_at IS NULL) LIMIT 5000) RETURNING id`,
  )
  let removed = 0
  const blocks = new Set<number>()
  while (old.below > old.from) {
    const ids = db.transaction(() => del.pluck().all(old.below, cutoff) as number[])()
    removed += ids.length
    ids.forEach(id => blocks.add(blockOf(id)))
    if (ids.length === 0) {
      break
    }
  }
  // Only when events went: otherwise every count still holds, and recounting the targets would
  // read every event's index entry, a third of a second on a million events, at each core start.
  if (removed > 0) {
    // The days counted again: those up to the cutoff's, which events up to two days past the
    // cutoff may fall on in the server's zone.
    const recount = idSpanOfTimes(db, null, cutoff + 2 * 86_400_000)
    db.transaction(() => {
      retallyBlocks(db, blocks)
      db.prepare('DELETE FROM daily_counts WHERE day <= ?').run(cutoffDay)
      db.prepare(
        `INSERT INTO daily_counts (day, category, host, count)
         SELECT ${eventDaySql('e')} AS day, t.category, t.host, COUNT(*) FROM ${eventsJoined}
         WHERE e.id < ? AND e.ts < ? AND ${eventDaySql('e')} <= ? GROUP BY day, t.category, t.host`,
      ).run(recount.below, cutoff + 2 * 86_400_000, cutoffDay)
      // Recount what remains of each target (the counts plan searches). A target left without
      // events stays: a writer in another process may hold its id, and a target is one short row.
      db.prepare(
        'UPDATE targets SET events = (SELECT COUNT(*) FROM events WHERE target = targets.id)',
      ).run()
    })()
  }
  db.prepare('DELETE FROM flood WHERE hour < ?').run(Math.floor(cutoff / 3_600_000))
  return removed
}
