import type { Statement } from 'better-sqlite3'
import { sameTargetForUrl, targetOf, type EventTarget } from '../../../common/outbound/event-target'
import type { StoreDb } from './open-store'

interface KnownTarget {
  readonly facts: EventTarget
  readonly id: number
}

/** The words the full-text index holds for a target (and, with an error, for an event). */
export function targetWords(url: string, service: string, error: string | null = null): string {
  return error === null ? `${url} ${service}` : `${url} ${service} ${error}`
}

/**
 * The `targets` row of each event, found or added, with the number of events added to each
 * target per transaction. Remembers the ids it has seen, keyed by URL, across streams (an
 * import per file, a write per tail poll); forgets them all when the cache is full.
 */
export class TargetIds {
  private readonly known = new Map<string, KnownTarget[]>()
  private readonly added = new Map<number, number>()
  private readonly find: Statement
  private readonly insert: Statement
  private readonly ftsPut: Statement
  private readonly addCount: Statement

  constructor(
    db: StoreDb,
    private readonly capacity = 50_000,
  ) {
    this.find = db
      .prepare(
        // Through the URL index only (the unary + keeps SQLite off the host or category index).
        `SELECT id FROM targets WHERE url = ? AND +method = ? AND +host = ? AND +upstream = ?
         AND +service = ? AND +category = ? AND +policy_item IS ?`,
      )
      .pluck()
    this.insert = db.prepare(
      `INSERT INTO targets (method, url, host, upstream, service, category, policy_item)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    this.ftsPut = db.prepare('INSERT INTO targets_fts (rowid, words) VALUES (?, ?)')
    this.addCount = db.prepare('UPDATE targets SET events = events + ? WHERE id = ?')
  }

  /** Counts events stored for a target in this transaction. */
  addEvents(id: number, n: number): void {
    this.added.set(id, (this.added.get(id) ?? 0) + n)
  }

  /** Stores the event counts of this transaction's targets; call before it commits. */
  flushCounts(): void {
    for (const [id, n] of this.added) {
      this.addCount.run(n, id)
    }
    this.added.clear()
  }

  /** Counts `reset`s: ids handed out before one may be gone. */
  generation = 0

  /** Forgets what a rolled-back transaction added. */
  reset(): void {
    this.known.clear()
    this.added.clear()
    this.generation++
  }

  /** The id of a target, added when it is new. */
  idOf(e: EventTarget): number {
    const same = this.known.get(e.url)
    if (same) {
      for (const t of same) {
        if (sameTargetForUrl(t.facts, e)) {
          return t.id
        }
      }
    }
    const args = [e.url, e.method, e.host, e.upstream ? 1 : 0, e.service, e.category, e.policyItem]
    let id = this.find.get(...args) as number | undefined
    if (id === undefined) {
      id = Number(
        this.insert.run(
          e.method,
          e.url,
          e.host,
          e.upstream ? 1 : 0,
          e.service,
          e.category,
          e.policyItem,
        ).lastInsertRowid,
      )
      this.ftsPut.run(id, targetWords(e.url, e.service))
    }
    if (this.known.size >= this.capacity) {
      this.known.clear()
    }
    const facts = targetOf(e)
    if (same && this.known.get(e.url) === same) {
      same.push({ facts, id })
    } else {
      this.known.set(e.url, [{ facts, id }])
    }
    return id
  }
}
