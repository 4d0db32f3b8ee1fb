import type { ConnectionSummary } from '../../../common/api/witness-schemas'
import type { StoreDb } from './open-store'

interface Row {
  process: string
  host: string
  remote_address: string
  first_seen: number
  last_seen: number
  closed_at: number | null
  bytes_sent: number | null
  bytes_received: number | null
}

const iso = (ms: number): string => new Date(ms).toISOString()

function toSummary(r: Row): ConnectionSummary {
  return {
    process: r.process,
    host: r.host || r.remote_address,
    firstSeen: iso(r.first_seen),
    lastSeen: iso(r.last_seen),
    closedAt: r.closed_at === null ? null : iso(r.closed_at),
    bytesSent: r.bytes_sent,
    bytesReceived: r.bytes_received,
  }
}

/**
 * A Plex process's stored connections, open ones first, then the most recently seen (the relay's
 * tunnel now or its last one; the latest crash uploads).
 */
export function connectionsOf(db: StoreDb, processId: string, limit: number): ConnectionSummary[] {
  const rows = db
    .prepare(
      `SELECT f.process, t.host, f.remote_address, f.first_seen, f.last_seen, f.closed_at,
         f.bytes_sent, f.bytes_received
       FROM flows f JOIN events e ON e.id = f.event JOIN targets t ON t.id = e.target
       WHERE f.process_id = ? ORDER BY f.closed_at IS NULL DESC, f.last_seen DESC LIMIT ?`,
    )
    .all(processId, limit) as Row[]
  return rows.map(toSummary)
}
