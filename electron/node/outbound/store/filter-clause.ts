import type { OutboundCategory } from '../../../common/outbound/categories'
import { parseFilterTime } from '../../../common/outbound/filter-time'
import { idSpanOfTimes, type IdRange } from './event-tally'
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
  /** Only the events of one witness (`targets.source`). */
  readonly witness?: 'log' | 'network'
}

/** WHERE clauses over `events e` and their parameters. */
export interface FilterClause {
  readonly where: string[]
  readonly params: (string | number)[]
  /**
   * With a time bound, the ids that can match (`from <= e.id < below`), for the caller to meet
   * with its own bounds on ids: SQLite walks the ids between one lower and one upper bound.
   */
  readonly ids: IdRange | null
}

/**
 * Up to this many matching events a page is found through the target index and sorted; above
 * it, by walking the events newest first and testing each, where a page of 200 fills after a
 * few thousand rows at most (a share of at least 1% when a million events are stored).
 */
export const selectiveLimit = 10_000

/** Parses a filter time (`2025-08-04`, `2025-08-04T20:03`, with or without a zone) to epoch ms. */
export function filterTime(text: string): number {
  const ms = parseFilterTime(text)
  if (Number.isNaN(ms)) {
    throw new RangeError(`not a time: ${text}`)
  }
  return ms
}

/**
 * Turns owner words into an FTS5 query: every word must occur as a whole word, or as a prefix
 * when the owner ends it with `*` (`lyric*`). Words split where the index's tokenizer splits
 * them (`release_channels` is two words): the index keeps no positions, so no phrases.
 */
export function ftsQuery(search: string): string | null {
  const words = search.match(/[\p{L}\p{N}]+\*?/gu) ?? []
  if (words.length === 0) {
    return null
  }
  return words.map(w => (w.endsWith('*') ? `"${w.slice(0, -1)}"*` : `"${w}"`)).join(' ')
}

/** The ids of the targets whose words match the one parameter (an `ftsQuery`). */
export const targetMatches = 'SELECT rowid FROM targets_fts WHERE targets_fts MATCH ?'

/** The ids of the events whose error (with their target's words) matches the one parameter. */
export const errorMatches = 'SELECT rowid FROM errors_fts WHERE errors_fts MATCH ?'

/** The ids of the targets matching some conditions, as SQL. */
function targetIds(conditions: readonly string[]): string {
  return `SELECT id FROM targets${conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''}`
}

/** How many stored events the targets matching some conditions have (`targets.events`). */
function eventsOfTargets(
  db: StoreDb,
  conditions: readonly string[],
  params: readonly (string | number)[],
): number {
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''
  return db
    .prepare(`SELECT COALESCE(SUM(events), 0) FROM targets${where}`)
    .pluck()
    .get(...params) as number
}

/**
 * Whether the targets whose words match `fts` (and the conditions) have at most `limit` events.
 * Walked from the full-text index and stopped once past the limit: a common word matches nearly
 * every target, and summing them all would cost more than the query it plans.
 */
function fewEventsOfWords(
  db: StoreDb,
  fts: string,
  conditions: readonly string[],
  params: readonly (string | number)[],
  limit: number,
): boolean {
  const more = conditions.map(c => ` AND ${c}`).join('')
  const events = db
    .prepare(
      `SELECT t.events FROM targets_fts f JOIN targets t ON t.id = f.rowid
       WHERE targets_fts MATCH ?${more}`,
    )
    .pluck()
    .iterate(fts, ...params) as IterableIterator<number>
  let sum = 0
  for (const n of events) {
    sum += n
    if (sum > limit) {
      events.return?.()
      return false
    }
  }
  return true
}

/**
 * The WHERE clauses of a filter. Category, host and upstream are facts of an event's target and
 * words are found in the targets' full-text index (and in `errors_fts` for events with an error,
 * migrations.ts), so a filter first picks targets, then events by target: through the target
 * index when few events match, else by walking ids newest first (the unary `+` keeps SQLite
 * from gathering and sorting every match).
 */
export function filterClause(db: StoreDb, f: EventFilter, limit = selectiveLimit): FilterClause {
  const where: string[] = []
  const params: (string | number)[] = []
  const byTarget: string[] = []
  const targetParams: (string | number)[] = []
  if (f.category) {
    byTarget.push('category = ?')
    targetParams.push(f.category)
  }
  if (f.host) {
    byTarget.push('host = ?')
    targetParams.push(f.host.toLowerCase())
  }
  if (f.upstreamOnly) {
    byTarget.push('upstream = 1')
  }
  if (f.witness) {
    byTarget.push('source = ?')
    targetParams.push(f.witness)
  }
  const fts = f.search ? ftsQuery(f.search) : null
  if (fts !== null) {
    // Without conditions on the targets, the index's matches are the ids: looking each one up in
    // `targets` again would cost as much as the match for a common word.
    const text =
      byTarget.length > 0 ? targetIds([...byTarget, `id IN (${targetMatches})`]) : targetMatches
    if (fewEventsOfWords(db, fts, byTarget, targetParams, limit)) {
      where.push(
        `e.id IN (SELECT id FROM events WHERE target IN (${text}) UNION ALL ${errorMatches})`,
      )
    } else {
      where.push(`(+e.target IN (${text}) OR e.id IN (${errorMatches}))`)
    }
    params.push(...targetParams, fts, fts)
  }
  if (byTarget.length > 0) {
    // With words, this only narrows the events found by their error to the chosen targets.
    const chosen = targetIds(byTarget)
    if (fts === null && eventsOfTargets(db, byTarget, targetParams) <= limit) {
      where.push(`e.id IN (SELECT id FROM events WHERE target IN (${chosen}))`)
    } else {
      where.push(`+e.target IN (${chosen})`)
    }
    params.push(...targetParams)
  }
  let ids: FilterClause['ids'] = null
  if (f.since || f.until) {
    const since = f.since ? filterTime(f.since) : null
    const until = f.until ? filterTime(f.until) : null
    // The ids of the blocks that hold the time (event_blocks), then each event's time tested.
    ids = idSpanOfTimes(db, since, until)
    if (since !== null) {
      where.push('e.ts >= ?')
      params.push(since)
    }
    if (until !== null) {
      where.push('e.ts < ?')
      params.push(until)
    }
  }
  return { where, params, ids }
}
