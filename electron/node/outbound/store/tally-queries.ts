import { blockIds } from './event-tally'
import {
  errorMatches,
  filterTime,
  ftsQuery,
  targetMatches,
  type EventFilter,
} from './filter-clause'
import type { StoreDb } from './open-store'
import { eventDaySql } from './stored-time'

/** How matching events are counted: in all, per tally block, or per day, category and host. */
type Shape = 'total' | 'block' | 'group'

/** Matching events counted by `Shape`: key `total`, a block number, or `day\tcategory\thost`. */
export type TallyCounts = Map<string | number, number>

interface BlockSplit {
  /** Blocks whose events all pass the time bounds and `before`: their tallies count. */
  readonly whole: number[] | 'all'
  /** Blocks cut by a bound: their events are read and tested. */
  readonly partial: number[]
}

/** Sorts the blocks into whole ones, cut ones and ones outside the bounds. */
function splitBlocks(db: StoreDb, since: number | null, until: number | null, before?: number) {
  if (since === null && until === null && before === undefined) {
    return { whole: 'all', partial: [] } satisfies BlockSplit
  }
  const split = { whole: [] as number[], partial: [] as number[] }
  const rows = db.prepare('SELECT block, min_ts, max_ts FROM event_blocks').raw().all() as [
    number,
    number,
    number,
  ][]
  for (const [block, min, max] of rows) {
    const first = block * blockIds
    if (
      (since !== null && max < since) ||
      (until !== null && min >= until) ||
      (before !== undefined && first >= before)
    ) {
      continue
    }
    const whole =
      (since === null || min >= since) &&
      (until === null || max < until) &&
      (before === undefined || first + blockIds <= before)
    split[whole ? 'whole' : 'partial'].push(block)
  }
  return split satisfies BlockSplit
}

/** The conditions a filter sets on a target's facts, as columns of `alias`. */
function targetConditions(
  f: EventFilter,
  alias: string,
): { where: string[]; params: (string | number)[] } {
  const where: string[] = []
  const params: (string | number)[] = []
  if (f.category) {
    where.push(`${alias}.category = ?`)
    params.push(f.category)
  }
  if (f.host) {
    where.push(`${alias}.host = ?`)
    params.push(f.host.toLowerCase())
  }
  if (f.upstreamOnly) {
    where.push(`${alias}.upstream = 1`)
  }
  if (f.witness) {
    // Only `targets` knows the witness: a witness filter counts through `target_tally`.
    where.push(`${alias}.source = ?`)
    params.push(f.witness)
  }
  return { where, params }
}

/** SQL keeping tally rows of some blocks: as ranges when they are few, else as a list. */
function blockCondition(blocks: readonly number[]): { sql: string; params: (string | number)[] } {
  const ranges: [number, number][] = []
  for (const block of [...blocks].sort((a, b) => a - b)) {
    const last = ranges[ranges.length - 1]
    if (last && last[1] === block - 1) {
      last[1] = block
    } else {
      ranges.push([block, block])
    }
  }
  if (ranges.length <= 8) {
    return {
      sql: `(${ranges.map(() => 'r.block BETWEEN ? AND ?').join(' OR ')})`,
      params: ranges.flat(),
    }
  }
  return { sql: 'r.block IN (SELECT value FROM json_each(?))', params: [JSON.stringify(blocks)] }
}

/** What a row is counted under, by shape; `facts` is the alias that holds category and host. */
function keyOf(shape: Shape, block: string, day: string, facts: string): string {
  if (shape === 'total') {
    return "'total'"
  }
  return shape === 'block'
    ? block
    : `${day} || char(9) || ${facts}.category || char(9) || ${facts}.host`
}

function add(counts: TallyCounts, rows: unknown[]): void {
  for (const [key, n] of rows as [string | number, number][]) {
    counts.set(key, (counts.get(key) ?? 0) + n)
  }
}

/** What a search matches: its targets and the events whose error has its words, found once. */
class SearchMatches {
  private targetSet: Set<number> | null = null
  private errorIds: number[] | null = null

  /** `withErrors` false: only connections are asked for, and a connection has no error. */
  constructor(
    private readonly db: StoreDb,
    readonly fts: string,
    private readonly withErrors: boolean,
  ) {}

  /** Targets whose words match. */
  get targets(): Set<number> {
    this.targetSet ??= new Set(this.db.prepare(targetMatches).pluck().all(this.fts) as number[])
    return this.targetSet
  }

  /** Events whose words (their target's and their error's) match. */
  get errors(): number[] {
    if (!this.withErrors) {
      return []
    }
    this.errorIds ??= this.db.prepare(errorMatches).pluck().all(this.fts) as number[]
    return this.errorIds
  }
}

/** Adds the tallies of whole blocks: by category, host and upstream, or by target for words. */
function addWholeBlocks(
  db: StoreDb,
  counts: TallyCounts,
  f: EventFilter,
  shape: Shape,
  whole: readonly number[] | 'all',
  search: SearchMatches | null,
): void {
  const where: string[] = []
  const params: (string | number)[] = []
  if (whole !== 'all') {
    const blocks = blockCondition(whole)
    where.push(blocks.sql)
    params.push(...blocks.params)
  }
  const group = shape === 'total' ? '' : 'GROUP BY 1'
  if (search === null && !f.witness) {
    const cond = targetConditions(f, 'r')
    where.push(...cond.where)
    params.push(...cond.params)
    const sql = `SELECT ${keyOf(shape, 'r.block', 'r.day', 'r')}, SUM(r.count) FROM group_tally r
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ${group}`
    add(
      counts,
      db
        .prepare(sql)
        .raw()
        .all(...params),
    )
    return
  }
  const cond = targetConditions(f, 't')
  // The targets' facts are joined only when a condition or the shape needs them.
  const join = cond.where.length > 0 || shape === 'group'
  const conditions = [
    ...(search === null ? [] : [`r.target IN (${targetMatches})`]),
    ...where,
    ...cond.where,
  ]
  const sql = `SELECT ${keyOf(shape, 'r.block', 'r.day', 't')}, SUM(r.count)
    FROM target_tally r ${join ? 'JOIN targets t ON t.id = r.target' : ''}
    ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''} ${group}`
  add(
    counts,
    db
      .prepare(sql)
      .raw()
      .all(...(search === null ? [] : [search.fts]), ...params, ...cond.params),
  )
  if (search === null) {
    return
  }
  // Events whose error has the words while their target's words do not: not in the tallies.
  const wholeSet = whole === 'all' ? null : new Set(whole)
  const inWhole = search.errors.filter(id => wholeSet === null || wholeSet.has(id >> 12))
  if (inWhole.length === 0) {
    return
  }
  const targetOf = db
    .prepare(
      `SELECT id, target FROM events INDEXED BY events_errors
       WHERE error IS NOT NULL AND id IN (SELECT value FROM json_each(?))`,
    )
    .raw()
    .all(JSON.stringify(inWhole)) as [number, number][]
  const extra = targetOf.filter(([, target]) => !search.targets.has(target)).map(([id]) => id)
  if (extra.length === 0) {
    return
  }
  const rows = db
    .prepare(
      `SELECT ${keyOf(shape, 'e.id >> 12', eventDaySql('e'), 't')}, 1
       FROM events e JOIN targets t ON t.id = e.target
       WHERE e.id IN (SELECT value FROM json_each(?)) ${cond.where.map(c => `AND ${c}`).join(' ')}`,
    )
    .raw()
    .all(JSON.stringify(extra), ...cond.params)
  add(counts, rows)
}

/**
 * Adds the events of blocks a bound cuts, read and tested here: a filter's words found once
 * (targets and errors), then each event of the block tested against them and the bounds.
 */
function addCutBlocks(
  db: StoreDb,
  counts: TallyCounts,
  f: EventFilter,
  shape: Shape,
  blocks: readonly number[],
  before: number | undefined,
  search: SearchMatches | null,
): void {
  const since = f.since ? filterTime(f.since) : -Infinity
  const until = f.until ? filterTime(f.until) : Infinity
  const host = f.host?.toLowerCase()
  const words = search?.targets ?? null
  const errors = search === null ? null : new Set(search.errors)
  const read = db
    .prepare(
      `SELECT e.id, e.target, e.ts, ${eventDaySql('e')}, t.category, t.host, t.upstream,
         t.source FROM events e JOIN targets t ON t.id = e.target WHERE e.id BETWEEN ? AND ?`,
    )
    .raw()
  for (const block of blocks) {
    const first = block * blockIds
    const last = Math.min(first + blockIds, before ?? Infinity) - 1
    const rows = read.all(first, last) as [
      number,
      number,
      number,
      string,
      string,
      string,
      number,
      string,
    ][]
    for (const [id, target, ts, day, category, targetHost, upstream, source] of rows) {
      if (
        ts < since ||
        ts >= until ||
        (f.category !== undefined && category !== f.category) ||
        (host !== undefined && targetHost !== host) ||
        (f.upstreamOnly === true && upstream !== 1) ||
        (f.witness !== undefined && source !== f.witness) ||
        (words !== null && !words.has(target) && !(errors as Set<number>).has(id))
      ) {
        continue
      }
      const key =
        shape === 'total'
          ? 'total'
          : shape === 'block'
            ? block
            : `${day}\t${category}\t${targetHost}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
  }
}

/**
 * Counts the events a filter matches (below `before`, when given) by `shape`: whole blocks from
 * the tallies, plus events found by their error alone (a search), plus the events of the blocks
 * a time bound or `before` cuts, read and tested one by one (filter-clause.ts decides how).
 */
export function tallyCounts(
  db: StoreDb,
  f: EventFilter,
  shape: Shape,
  before?: number,
): TallyCounts {
  const counts: TallyCounts = new Map()
  const since = f.since ? filterTime(f.since) : null
  const until = f.until ? filterTime(f.until) : null
  const { whole, partial } = splitBlocks(db, since, until, before)
  const fts = f.search ? ftsQuery(f.search) : null
  // The connection witness stores no errors (flow-writer.ts): its events are never in errors_fts.
  const search = fts === null ? null : new SearchMatches(db, fts, f.witness !== 'network')
  if (whole === 'all' || whole.length > 0) {
    addWholeBlocks(db, counts, f, shape, whole, search)
  }
  if (partial.length > 0) {
    addCutBlocks(db, counts, f, shape, partial, before, search)
  }
  return counts
}

/** How many events a filter matches. */
export function tallyTotal(db: StoreDb, f: EventFilter): number {
  return tallyCounts(db, f, 'total').get('total') ?? 0
}

/**
 * The id range that holds the page of `limit` events after skipping `offset` matches below
 * `before`, newest first: the page query then reads at most the blocks in it, however deep the
 * page, and never walks past the oldest match.
 */
export function pageRange(
  db: StoreDb,
  f: EventFilter,
  limit: number,
  offset: number,
  before?: number,
): { from: number; below: number; skip: number } | null {
  const perBlock = [...tallyCounts(db, f, 'block', before)]
    .filter(([, n]) => n > 0)
    .sort((a, b) => (b[0] as number) - (a[0] as number)) as [number, number][]
  let seen = 0
  let top: { block: number; skip: number } | null = null
  for (const [block, n] of perBlock) {
    if (top === null && seen + n > offset) {
      top = { block, skip: offset - seen }
    }
    seen += n
    if (top !== null && seen >= offset + limit) {
      const below = Math.min((top.block + 1) * blockIds, before ?? Infinity)
      return { from: block * blockIds, below, skip: top.skip }
    }
  }
  if (top === null) {
    return null
  }
  const lowest = perBlock[perBlock.length - 1]?.[0] ?? 0
  return {
    from: lowest * blockIds,
    below: Math.min((top.block + 1) * blockIds, before ?? Infinity),
    skip: top.skip,
  }
}
