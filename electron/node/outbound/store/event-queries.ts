import type { OutboundCategory } from '../../../common/outbound/categories'
import type { OutboundEvent } from '../../../common/outbound/outbound-event'
import type { StoreDb } from './open-store'

/** A filter over stored events (the contract's LogFilter). */
export interface EventFilter {
  readonly category?: OutboundCategory
  readonly host?: string
  /** ISO 8601 time or date; inclusive. */
  readonly since?: string
  /** ISO 8601 time or date; exclusive. */
  readonly until?: string
  /** Words to find in URL, service or error (all of them, as prefixes). */
  readonly search?: string
  readonly upstreamOnly?: boolean
}

/** One stored event as the contract shows it (`outboundEventSchema`), plus `localTime`. */
export type StoredEvent = Omit<OutboundEvent, 'key'> & { readonly id: number }

interface Row {
  id: number
  time: string
  local_time: number
  method: string
  url: string
  host: string
  upstream: number
  status: number | null
  error: string | null
  service: string
  category: OutboundCategory
  policy_item: string | null
  file: string
  line: number
}

/** The columns a StoredEvent is read from. */
export const eventColumns =
  'e.id, e.time, e.local_time, e.method, e.url, e.host, e.upstream, e.status, e.error, e.service, e.category, e.policy_item, e.file, e.line'

/** Maps a row to a StoredEvent. */
export function toStoredEvent(r: Row): StoredEvent {
  return {
    id: r.id,
    time: r.time,
    localTime: r.local_time === 1,
    method: r.method,
    url: r.url,
    host: r.host,
    upstream: r.upstream === 1,
    status: r.status,
    error: r.error,
    service: r.service,
    category: r.category,
    policyItem: r.policy_item,
    source: { file: r.file, line: r.line },
  }
}

/** Parses a filter time (`2025-08-04`, `2025-08-04T20:03`, with or without a zone) to epoch ms. */
export function filterTime(text: string): number {
  const withTime = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00` : text
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/.test(withTime) ? withTime : `${withTime}Z`
  const ms = Date.parse(zoned)
  if (Number.isNaN(ms)) {
    throw new RangeError(`not a time: ${text}`)
  }
  return ms
}

/**
 * Turns owner words into an FTS5 query: every word must occur as a whole word, or as a prefix
 * when the owner ends it with `*` (`lyric*`). Whole words are answered from the index in rowid
 * order; a prefix merges every word that shares it, which is slower on common prefixes.
 */
export function ftsQuery(search: string): string | null {
  const words = search.match(/[\p{L}\p{N}_]+\*?/gu) ?? []
  if (words.length === 0) {
    return null
  }
  return words.map(w => (w.endsWith('*') ? `"${w.slice(0, -1)}"*` : `"${w}"`)).join(' ')
}

/** WHERE clauses and parameters of a filter over `events e` (search excluded). */
export function filterSql(f: EventFilter): { where: string[]; params: (string | number)[] } {
  const where: string[] = []
  const params: (string | number)[] = []
  if (f.category) {
    where.push('e.category = ?')
    params.push(f.category)
  }
  if (f.host) {
    where.push('e.host = ?')
    params.push(f.host.toLowerCase())
  }
  // With a category or host, page through that index by id; the time bounds then only filter
  // (the unary + keeps SQLite from choosing the time index and sorting a wide range).
  const ts = f.category || f.host ? '+e.ts' : 'e.ts'
  if (f.since) {
    where.push(`${ts} >= ?`)
    params.push(filterTime(f.since))
  }
  if (f.until) {
    where.push(`${ts} < ?`)
    params.push(filterTime(f.until))
  }
  if (f.upstreamOnly) {
    where.push('e.upstream = 1')
  }
  return { where, params }
}

/**
 * A page of events, newest first; `before` is the id of the last row of the previous page, or
 * `offset` skips that many rows from the newest (a virtualized table that jumps; O(offset)).
 */
export function pageEvents(
  db: StoreDb,
  f: EventFilter & { limit: number; before?: number; offset?: number },
): { events: StoredEvent[]; nextBefore: number | null } {
  const { where, params } = filterSql(f)
  if (f.before !== undefined) {
    where.push('e.id < ?')
    params.push(f.before)
  }
  const fts = f.search ? ftsQuery(f.search) : null
  let sql: string
  if (fts !== null) {
    // Driven by the full-text index in rowid order, so a common word still stops after one page.
    sql = `SELECT ${eventColumns} FROM events_fts f JOIN events e ON e.id = f.rowid
      WHERE events_fts MATCH ?${where.map(w => ` AND ${w.replace('e.id', 'f.rowid')}`).join('')}
      ORDER BY f.rowid DESC LIMIT ?`
    params.unshift(fts)
  } else {
    sql = `SELECT ${eventColumns} FROM events e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY e.id DESC LIMIT ?`
  }
  params.push(f.limit)
  if (f.offset) {
    sql += ' OFFSET ?'
    params.push(f.offset)
  }
  const rows = db.prepare(sql).all(...params) as Row[]
  const events = rows.map(toStoredEvent)
  const last = events[events.length - 1]
  return { events, nextBefore: events.length === f.limit && last ? last.id : null }
}

/** One event by id. */
export function eventById(db: StoreDb, id: number): StoredEvent | null {
  const row = db.prepare(`SELECT ${eventColumns} FROM events e WHERE e.id = ?`).get(id) as
    Row | undefined
  return row ? toStoredEvent(row) : null
}

/** Iterates every event matching a filter, oldest first (for export). */
export function* iterateEvents(db: StoreDb, f: EventFilter): Generator<StoredEvent> {
  const { where, params } = filterSql(f)
  const fts = f.search ? ftsQuery(f.search) : null
  if (fts !== null) {
    where.push('e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)')
    params.push(fts)
  }
  const sql = `SELECT ${eventColumns} FROM events e ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.id`
  for (const row of db.prepare(sql).iterate(...params)) {
    yield toStoredEvent(row as Row)
  }
}
