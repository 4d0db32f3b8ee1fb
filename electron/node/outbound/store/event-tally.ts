import type { Statement } from 'better-sqlite3'
import type { EventTarget } from '../../../common/outbound/event-target'
import type { StoreDb } from './open-store'
import { eventDaySql } from './stored-time'

/** Ids per tally block: the tallies count events per block of this many ids (`id >> 12`). */
export const blockIds = 4096

/** The block of an event id. */
export function blockOf(id: number): number {
  return Math.floor(id / blockIds)
}

/** Ids `from <= id < below`; empty when `below <= from`. */
export interface IdRange {
  readonly from: number
  readonly below: number
}

/**
 * The smallest range of ids that holds every event with `since <= ts < until` (either bound may
 * be null), from the blocks' time spans: ids mostly follow time, so a time bound reads the
 * blocks of its time and not the whole table. Empty when no block holds such an event.
 */
export function idSpanOfTimes(db: StoreDb, since: number | null, until: number | null): IdRange {
  const [low, high] = db
    .prepare('SELECT MIN(block), MAX(block) FROM event_blocks WHERE max_ts >= ? AND min_ts < ?')
    .raw()
    .get(since ?? -Number.MAX_VALUE, until ?? Number.MAX_VALUE) as [number | null, number | null]
  if (low === null || high === null) {
    return { from: 0, below: 0 }
  }
  return { from: low * blockIds, below: (high + 1) * blockIds }
}

interface TargetCount {
  readonly block: number
  readonly target: number
  readonly facts: EventTarget
  readonly day: string
  count: number
}

/**
 * What one write transaction adds to the tallies (migrations.ts step 3): counted per block,
 * target and day in memory, stored once at the end of the transaction, by target and by
 * category, host and upstream.
 */
export class TallyBatch {
  private readonly counts = new Map<number, TargetCount[]>()
  private readonly spans = new Map<number, { minTs: number; maxTs: number }>()

  /** Counts one stored event of the stored target `target` (whose kept facts are `facts`). */
  add(id: number, target: number, facts: EventTarget, day: string, ts: number): void {
    const block = blockOf(id)
    // Block and target in one number (blocks stay far below 2^20 for any real store).
    const key = block * 2 ** 32 + target
    const list = this.counts.get(key)
    const found = list?.find(c => c.day === day)
    if (found) {
      found.count++
    } else if (list) {
      list.push({ block, target, facts, day, count: 1 })
    } else {
      this.counts.set(key, [{ block, target, facts, day, count: 1 }])
    }
    const span = this.spans.get(block)
    if (span) {
      span.minTs = Math.min(span.minTs, ts)
      span.maxTs = Math.max(span.maxTs, ts)
    } else {
      this.spans.set(block, { minTs: ts, maxTs: ts })
    }
  }

  /** Adds the batch to the store (`TallyStatements`) and empties it. */
  store(statements: TallyStatements): void {
    const groups = new Map<string, { values: (string | number)[]; count: number }>()
    for (const list of this.counts.values()) {
      for (const c of list) {
        statements.targetAdd.run(c.block, c.target, c.day, c.count)
        const { category, host, upstream } = c.facts
        const key = `${c.block}\t${c.day}\t${category}\t${host}\t${upstream}`
        const group = groups.get(key)
        if (group) {
          group.count += c.count
        } else {
          groups.set(key, {
            values: [c.block, c.day, category, host, upstream ? 1 : 0],
            count: c.count,
          })
        }
      }
    }
    for (const { values, count } of groups.values()) {
      statements.groupAdd.run(...values, count)
    }
    for (const [block, span] of this.spans) {
      statements.spanAdd.run(block, span.minTs, span.maxTs)
    }
    this.counts.clear()
    this.spans.clear()
  }
}

/** The statements that add to the tallies. */
export interface TallyStatements {
  readonly targetAdd: Statement
  readonly groupAdd: Statement
  readonly spanAdd: Statement
}

/** Prepares the statements that add a batch to the tallies. */
export function prepareTally(db: StoreDb): TallyStatements {
  return {
    targetAdd: db.prepare(
      `INSERT INTO target_tally (block, target, day, count) VALUES (?, ?, ?, ?)
       ON CONFLICT (block, target, day) DO UPDATE SET count = count + excluded.count`,
    ),
    groupAdd: db.prepare(
      `INSERT INTO group_tally (block, day, category, host, upstream, count)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (block, day, category, host, upstream)
       DO UPDATE SET count = count + excluded.count`,
    ),
    spanAdd: db.prepare(
      `INSERT INTO event_blocks (block, min_ts, max_ts) VALUES (?, ?, ?)
       ON CONFLICT (block) DO UPDATE SET min_ts = min(min_ts, excluded.min_ts),
         max_ts = max(max_ts, excluded.max_ts)`,
    ),
  }
}

/** Counts the tallies of some blocks again from their events (after events were deleted). */
export function retallyBlocks(db: StoreDb, blocks: Iterable<number>): void {
  const drop = [
    db.prepare('DELETE FROM target_tally WHERE block = ?'),
    db.prepare('DELETE FROM group_tally WHERE block = ?'),
    db.prepare('DELETE FROM event_blocks WHERE block = ?'),
  ]
  const count = [
    db.prepare(
      `INSERT INTO target_tally (block, target, day, count)
       SELECT ?, target, ${eventDaySql('events')}, COUNT(*) FROM events WHERE id BETWEEN ? AND ?
       GROUP BY 2, 3`,
    ),
    db.prepare(
      `INSERT INTO group_tally (block, day, category, host, upstream, count)
       SELECT ?, ${eventDaySql('e')}, t.category, t.host, t.upstream, COUNT(*)
       FROM events e JOIN targets t ON t.id = e.target WHERE e.id BETWEEN ? AND ?
       GROUP BY 2, 3, 4, 5`,
    ),
    db.prepare(
      `INSERT INTO event_blocks (block, min_ts, max_ts)
       SELECT ?, MIN(ts), MAX(ts) FROM events WHERE id BETWEEN ? AND ? HAVING COUNT(*) > 0`,
    ),
  ]
  for (const block of blocks) {
    const first = block * blockIds
    drop.forEach(statement => statement.run(block))
    count.forEach(statement => statement.run(block, first, first + blockIds - 1))
  }
}
