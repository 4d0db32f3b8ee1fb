import type { OutboundCategory } from '../../../common/outbound/categories'
import type { OutboundEvent } from '../../../common/outbound/outbound-event'
import type { StoredConnection, Witness } from '../../../common/api/log-schemas'
import { filterClause, type EventFilter } from './filter-clause'
import type { StoreDb } from './open-store'
import { pageRange } from './tally-queries'
import { storedTimeText } from './stored-time'

export { filterTime, type EventFilter } from './filter-clause'

/** One stored event as the contract shows it (`outboundEventSchema`), plus `localTime`. */
export type StoredEvent = Omit<OutboundEvent, 'key'> & {
  readonly id: number
  /** Which witness saw it: the server's debug log, or the connections of the Plex processes. */
  readonly witness: Witness
  /** For the connection witness: the connection (`flows`), as the last sample saw it. */
  readonly connection?: StoredConnection
}

interface Row {
  id: number
  time: string
  time_form: number
  wall: number
  ts: number
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
  source: string
  f_process: string | null
  f_pid: number | null
  f_protocol: 'tcp' | 'udp' | null
  f_remote_address: string | null
  f_remote_port: number | null
  f_state: string | null
  f_first_seen: number | null
  f_last_seen: number | null
  f_closed_at: number | null
  f_bytes_sent: number | null
  f_bytes_received: number | null
}

/** The columns a StoredEvent is read from (`eventsJoined`). */
export const eventColumns = `e.id, e.time, e.time_form, e.wall, e.ts, e.local_time, t.method, t.url, t.host, t.upstream, e.status, e.error, t.service, t.category, t.policy_item, COALESCE(lf.name, e.file) AS file, e.line, t.source, f.process AS f_process, f.pid AS f_pid, f.protocol AS f_protocol, f.remote_address AS f_remote_address, f.remote_port AS f_remote_port, f.state AS f_state, f.first_seen AS f_first_seen, f.last_seen AS f_last_seen, f.closed_at AS f_closed_at, f.bytes_sent AS f_bytes_sent, f.bytes_received AS f_bytes_received`

/**
 * Events with their targets as `e` and `t`, the connection witness's events with their flow as
 * `f`, and the log file an event cites as `lf` (SQLite leaves a left join out where no column of
 * its table is read).
 */
export const eventsJoined =
  'events e JOIN targets t ON t.id = e.target LEFT JOIN flows f ON f.event = e.id LEFT JOIN log_files lf ON lf.id = e.file_id'

/** Maps a row to a StoredEvent. */
export function toStoredEvent(r: Row): StoredEvent {
  return {
    id: r.id,
    time: storedTimeText(r),
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
    witness: r.source === 'network' ? 'network' : 'log',
    ...(r.f_process === null ? {} : { connection: connectionOf(r) }),
  }
}

/** A connection's facts from its `flows` row (read with `eventColumns`). */
function connectionOf(r: Row): StoredConnection {
  return {
    process: r.f_process ?? '',
    pid: r.f_pid,
    protocol: r.f_protocol ?? 'tcp',
    remoteAddress: r.f_remote_address ?? '',
    remotePort: r.f_remote_port ?? 0,
    state: r.f_state ?? '',
    firstSeen: new Date(r.f_first_seen ?? 0).toISOString(),
    lastSeen: new Date(r.f_last_seen ?? 0).toISOString(),
    closedAt: r.f_closed_at === null ? null : new Date(r.f_closed_at).toISOString(),
    bytesSent: r.f_bytes_sent,
    bytesReceived: r.f_bytes_received,
  }
}

/**
 * A page of events, newest first; `before` is the id of the last row of the previous page, or
 * `offset` skips that many rows from the newest (a virtualized table that jumps): the tallies
 * find the block of ids where the page starts, so a deep page costs what a shallow one does.
 */
export function pageEvents(
  db: StoreDb,
  f: EventFilter & { limit: number; before?: number; offset?: number },
): { events: StoredEvent[]; nextBefore: number | null } {
  const { where, params, ids } = filterClause(db, f)
  let offset = f.offset ?? 0
  let below = f.before
  let from: number | undefined
  if (offset > 0 || where.length > 0) {
    // Deep or filtered: the tallies tell which blocks of ids hold the page (tally-queries.ts).
    const range = pageRange(db, f, f.limit, offset, f.before)
    if (range === null) {
      return { events: [], nextBefore: null }
    }
    ;({ from, below, skip: offset } = range)
  }
  if (ids) {
    from = Math.max(from ?? 0, ids.from)
    below = Math.min(below ?? Infinity, ids.below)
  }
  // One bound on each side: SQLite walks the ids between them only.
  if (below !== undefined) {
    where.push('e.id < ?')
    params.push(below)
  }
  if (from !== undefined) {
    where.push('e.id >= ?')
    params.push(from)
  }
  let sql = `SELECT ${eventColumns} FROM ${eventsJoined}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.id DESC LIMIT ?`
  params.push(f.limit)
  if (offset > 0) {
    sql += ' OFFSET ?'
    params.push(offset)
  }
  const rows = db.prepare(sql).all(...params) as Row[]
  const events = rows.map(toStoredEvent)
  const last = events[events.length - 1]
  return { events, nextBefore: events.length === f.limit && last ? last.id : null }
}

/** One event by id. */
export function eventById(db: StoreDb, id: number): StoredEvent | null {
  const row = db.prepare(`SELECT ${eventColumns} FROM ${eventsJoined} WHERE e.id = ?`).get(id) as
    Row | undefined
  return row ? toStoredEvent(row) : null
}

/** Iterates every event matching a filter, oldest first (for export); `after`: ids above it. */
export function* iterateEvents(
  db: StoreDb,
  f: EventFilter,
  after?: number,
): Generator<StoredEvent> {
  const { where, params, ids } = filterClause(db, f)
  const from = Math.max(ids?.from ?? 0, after === undefined ? 0 : after + 1)
  if (from > 0) {
    where.push('e.id >= ?')
    params.push(from)
  }
  if (ids) {
    where.push('e.id < ?')
    params.push(ids.below)
  }
  const sql = `SELECT ${eventColumns} FROM ${eventsJoined} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.id`
  for (const row of db.prepare(sql).iterate(...params)) {
    yield toStoredEvent(row as Row)
  }
}
