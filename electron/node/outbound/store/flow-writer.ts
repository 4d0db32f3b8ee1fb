import type { Statement } from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { keptTarget, type PrivacyLevel } from '../../../common/outbound/privacy-level'
import type { EventTarget } from '../../../common/outbound/event-target'
import { keyLanes } from '../../../common/outbound/event-key'
import type { ConnectionFlow } from '../../witness/flow-table'
import { networkTarget } from '../../witness/flow-target'
import { prepareTally, TallyBatch, type TallyStatements } from './event-tally'
import type { StoreDb } from './open-store'
import { targetWords } from './target-ids'

/** A flow with the name its remote address goes by (or the bare address when nothing names it). */
export interface NamedFlow {
  readonly flow: ConnectionFlow
  /** The remote end's name (`relay.plex.tv`), or its address when no fact names it. */
  readonly host: string
}

/** What one sample changed, with names for the new flows. */
export interface FlowBatch {
  readonly opened: readonly NamedFlow[]
  readonly updated: readonly ConnectionFlow[]
  readonly closed: readonly ConnectionFlow[]
  /**
   * Every flow open now (the first sample after a start): stored flows left open by an earlier
   * run and not among them are closed at `at`.
   */
  readonly openNow?: readonly ConnectionFlow[]
  readonly at?: number
}

/** What one write did. */
export interface FlowWriteResult {
  /** New connections, one event each. */
  inserted: number
  /** Connections an earlier run stored that this one saw again (continued, not stored twice). */
  continued: number
  updated: number
  closed: number
}

/** What identifies a connection across samples and runs: protocol, both ends, owner (hashed). */
export function flowTuple(flow: ConnectionFlow): string {
  const owner = flow.pid !== undefined ? `pid ${flow.pid}` : `uid ${flow.uid ?? '?'}`
  const text = `${flow.protocol} ${flow.local.address}:${flow.local.port} ${flow.remote.address}:${flow.remote.port} ${owner} ${flow.namespace ?? ''}`
  return createHash('sha1').update(text).digest('base64url')
}

/**
 * Stores the connection witness's flows beside the log's events (migrations.ts step 4): each
 * connection one event whose target has `source = 'network'`, counted in the same tallies as
 * log events (so filters, facets, the chart and export treat both alike), and one `flows` row
 * that later samples update and close. The privacy level applies as to log events; at counts
 * only, no address or port is kept.
 */
export class FlowWriter {
  private readonly findOpen: Statement
  private readonly insertEvent: Statement
  private readonly insertFlow: Statement
  private readonly updateFlow: Statement
  private readonly closeFlow: Statement
  private readonly openTuples: Statement
  private readonly closeByTuple: Statement
  private readonly findTarget: Statement
  private readonly insertTarget: Statement
  private readonly ftsPut: Statement
  private readonly addCount: Statement
  private readonly dailyPut: Statement
  private readonly tally: TallyStatements
  private readonly run: (batch: FlowBatch) => FlowWriteResult

  constructor(
    db: StoreDb,
    private readonly level: PrivacyLevel = 0,
  ) {
    this.findOpen = db
      .prepare('SELECT event FROM flows WHERE tuple = ? AND closed_at IS NULL')
      .pluck()
    this.insertEvent = db.prepare(
      `INSERT OR IGNORE INTO events (wall, h1, h2, ts, time, local_time, target, status, error,
        file, line) VALUES (?, ?, ?, ?, ?, 0, ?, NULL, NULL, '', 0)`,
    )
    this.insertFlow = db.prepare(
      `INSERT INTO flows (event, tuple, process_id, process, attributed_by, pid, protocol,
        local_address, local_port, remote_address, remote_port, state, first_seen, last_seen,
        bytes_sent, bytes_received)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.updateFlow = db.prepare(
      `UPDATE flows SET state = ?, last_seen = max(last_seen, ?),
        bytes_sent = max(coalesce(bytes_sent, 0), coalesce(?, bytes_sent)),
        bytes_received = max(coalesce(bytes_received, 0), coalesce(?, bytes_received))
       WHERE tuple = ? AND closed_at IS NULL`,
    )
    this.closeFlow = db.prepare(
      `UPDATE flows SET closed_at = ?, last_seen = max(last_seen, ?)
       WHERE tuple = ? AND closed_at IS NULL`,
    )
    this.openTuples = db.prepare('SELECT tuple FROM flows WHERE closed_at IS NULL').pluck()
    this.closeByTuple = db.prepare(
      'UPDATE flows SET closed_at = ? WHERE tuple = ? AND closed_at IS NULL',
    )
    this.findTarget = db
      .prepare(
        `SELECT id FROM targets WHERE url = ? AND +method = ? AND +host = ? AND +upstream = ?
         AND +service = ? AND +category = ? AND +source = 'network'`,
      )
      .pluck()
    this.insertTarget = db.prepare(
      `INSERT INTO targets (method, url, host, upstream, service, category, policy_item, source)
       VALUES (?, ?, ?, ?, ?, ?, NULL, 'network')`,
    )
    this.ftsPut = db.prepare('INSERT INTO targets_fts (rowid, words) VALUES (?, ?)')
    this.addCount = db.prepare('UPDATE targets SET events = events + 1 WHERE id = ?')
    this.dailyPut = db.prepare(
      `INSERT INTO daily_counts (day, category, host, count) VALUES (?, ?, ?, 1)
       ON CONFLICT (day, category, host) DO UPDATE SET count = count + 1`,
    )
    this.tally = prepareTally(db)
    this.run = db.transaction((batch: FlowBatch) => this.apply(batch))
  }

  /** Stores one sample's changes in one transaction. */
  write(batch: FlowBatch): FlowWriteResult {
    return this.run(batch)
  }

  private apply(batch: FlowBatch): FlowWriteResult {
    const result: FlowWriteResult = { inserted: 0, continued: 0, updated: 0, closed: 0 }
    if (batch.openNow) {
      const alive = new Set(batch.openNow.map(flowTuple))
      const at = batch.at ?? Date.now()
      for (const tuple of this.openTuples.all() as string[]) {
        if (!alive.has(tuple)) {
          result.closed += this.closeByTuple.run(at, tuple).changes
        }
      }
    }
    const tally = new TallyBatch()
    for (const { flow, host } of batch.opened) {
      const tuple = flowTuple(flow)
      if (this.findOpen.get(tuple) !== undefined) {
        this.touch(flow, tuple)
        result.continued++
        continue
      }
      if (this.insert(flow, host, tuple, tally)) {
        result.inserted++
      }
    }
    for (const flow of batch.updated) {
      result.updated += this.touch(flow, flowTuple(flow))
    }
    for (const flow of batch.closed) {
      const closedAt = flow.closedAt ?? flow.lastSeen
      result.closed += this.closeFlow.run(closedAt, flow.lastSeen, flowTuple(flow)).changes
    }
    tally.store(this.tally)
    return result
  }

  private touch(flow: ConnectionFlow, tuple: string): number {
    return this.updateFlow.run(
      flow.state,
      flow.lastSeen,
      flow.bytesSent ?? null,
      flow.bytesReceived ?? null,
      tuple,
    ).changes
  }

  private insert(flow: ConnectionFlow, host: string, tuple: string, tally: TallyBatch): boolean {
    const countsOnly = this.level === 3
    const target = keptTarget(networkTarget(flow, host), this.level)
    const targetId = this.targetId(target)
    const day = new Date(flow.firstSeen).toISOString().slice(0, 10)
    const ts = countsOnly ? Date.parse(`${day}T00:00:00Z`) : flow.firstSeen
    const time = countsOnly ? day : new Date(flow.firstSeen).toISOString()
    const { h1, h2 } = keyLanes(`${tuple} ${flow.firstSeen}`)
    const info = this.insertEvent.run(ts, h1, h2, ts, time, targetId)
    if (info.changes === 0) {
      return false
    }
    const event = Number(info.lastInsertRowid)
    this.insertFlow.run(
      event,
      tuple,
      flow.processId,
      flow.processLabel,
      flow.attributedBy,
      countsOnly ? null : (flow.pid ?? null),
      flow.protocol,
      countsOnly ? '' : flow.local.address,
      countsOnly ? 0 : flow.local.port,
      countsOnly ? '' : flow.remote.address,
      countsOnly ? 0 : flow.remote.port,
      flow.state,
      flow.firstSeen,
      flow.lastSeen,
      flow.bytesSent ?? null,
      flow.bytesReceived ?? null,
    )
    this.addCount.run(targetId)
    this.dailyPut.run(day, target.category, target.host)
    tally.add(event, targetId, target, day, ts)
    return true
  }

  private targetId(t: EventTarget): number {
    const args = [t.url, t.method, t.host, t.upstream ? 1 : 0, t.service, t.category]
    const found = this.findTarget.get(...args) as number | undefined
    if (found !== undefined) {
      return found
    }
    const id = Number(
      this.insertTarget.run(t.method, t.url, t.host, t.upstream ? 1 : 0, t.service, t.category)
        .lastInsertRowid,
    )
    this.ftsPut.run(id, targetWords(t.url, t.service))
    return id
  }
}
