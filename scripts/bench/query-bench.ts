// The outbound log's queries as the dashboard asks them (renderer/src/store/slices/log-slice.ts
// through electron/node/service/methods/log.ts), on a filled store, in a process of its own so
// that its RSS is that of a core holding the store. Run as `node dist/bench.mjs --queries DIR`.
import { dirname } from 'node:path'
import type { EventFilter } from '../../electron/node/outbound/store/filter-clause'
import { openOutboundLog, type OutboundLog } from '../../electron/node/outbound/outbound-log'

/** One timed query: what the dashboard asked, its median time and how many runs. */
export interface QueryFigure {
  readonly what: string
  readonly ms: number
}

/** What the query bench measured. */
export interface QueryFigures {
  readonly total: number
  readonly queries: QueryFigure[]
  readonly peakRssMb: number
  readonly rssMb: number
  /** Opening the store as the core starts: migrations checked, the retention pass run. */
  readonly openMs: number
}

/** Rows the log table asks for at a time (renderer log-pages.ts). */
const tablePage = 100
const dayMs = 86_400_000

function median(runs: number, fn: () => unknown): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] as number
}

/**
 * The filters an owner sets on the log screen: the time ranges it offers (last hour, day, week,
 * month, counted back from the newest event, as the screen counts back from now), a category, a
 * host, upstream only, searches (common, rare, a prefix) and combinations of them.
 */
function dashboardFilters(newest: number): { name: string; filter: EventFilter }[] {
  const since = (ms: number): string => new Date(newest - ms).toISOString()
  return [
    { name: 'no filter', filter: {} },
    { name: 'last hour', filter: { since: since(3_600_000) } },
    { name: 'last day', filter: { since: since(dayMs) } },
    { name: 'last week', filter: { since: since(7 * dayMs) } },
    { name: 'last month', filter: { since: since(30 * dayMs) } },
    { name: 'category', filter: { category: 'metadata-matching' } },
    { name: 'host', filter: { host: 'plex.tv' } },
    { name: 'upstream only', filter: { upstreamOnly: true } },
    { name: 'search common word', filter: { search: 'extras' } },
    { name: 'search rare words', filter: { search: 'updater check' } },
    { name: 'search prefix', filter: { search: 'extra*' } },
    { name: 'host + last week', filter: { host: 'plex.tv', since: since(7 * dayMs) } },
    { name: 'category + last month', filter: { category: 'usage', since: since(30 * dayMs) } },
    { name: 'search + last week', filter: { search: 'plex', since: since(7 * dayMs) } },
    {
      name: 'category + host + search + month',
      filter: { category: 'account', host: 'plex.tv', search: 'users', since: since(30 * dayMs) },
    },
    { name: 'upstream + search', filter: { upstreamOnly: true, search: 'metadata' } },
  ]
}

/** What the log screen asks when a filter changes, then when the owner scrolls. */
function measureFilter(log: OutboundLog, name: string, filter: EventFilter): QueryFigure[] {
  const runs = 5
  const newest = log.page({ ...filter, limit: 1 })
  const anchor = newest.events[0]?.id ?? 0
  const total = log.count(filter)
  const middle = Math.floor(total / 2 / tablePage) * tablePage
  const last = Math.max(0, Math.floor((total - 1) / tablePage) * tablePage)
  const pageAt = (offset: number) => () =>
    log.page({ ...filter, limit: tablePage, offset, before: anchor + 1 })
  return [
    { what: `${name}: newest event`, ms: median(runs, () => log.page({ ...filter, limit: 1 })) },
    { what: `${name}: count`, ms: median(runs, () => log.count(filter)) },
    { what: `${name}: stats (chart, facets)`, ms: median(runs, () => log.stats(filter)) },
    { what: `${name}: first page of ${tablePage}`, ms: median(runs, pageAt(0)) },
    { what: `${name}: page at the middle`, ms: median(runs, pageAt(middle)) },
    { what: `${name}: last page`, ms: median(runs, pageAt(last)) },
  ]
}

/**
 * The evidence summary's first call on a store no process has summarised yet, just after the
 * import that named its targets (evidence-names.ts). Run alone in its process
 * (`node dist/bench.mjs --evidence FILE`), before the queries, as the first start after an import.
 */
export function runFirstEvidence(storeFile: string): QueryFigure {
  const log = openOutboundLog({ stateDir: dirname(storeFile), retentionDays: 1_000_000 })
  const ms = median(1, () => log.evidence())
  return { what: 'summary: evidence, first call ever on a freshly imported store', ms }
}

/** The summary screen: counts, and per switch and background flow what the log holds. */
function measureSummary(log: OutboundLog): QueryFigure[] {
  // A later process reads the targets' stored names; later calls in it reuse them.
  const first = median(1, () => log.evidence())
  return [
    { what: 'summary: evidence, first call in a later process', ms: first },
    { what: 'summary: stats', ms: median(5, () => log.stats({})) },
    { what: 'summary: evidence per switch and flow', ms: median(5, () => log.evidence()) },
  ]
}

/** Runs every dashboard query on the store in `stateDir` (retention off: the data is old). */
export function runQueryBench(storeFile: string): QueryFigures {
  const opening = performance.now()
  const log = openOutboundLog({ stateDir: dirname(storeFile), retentionDays: 1_000_000 })
  const openMs = performance.now() - opening
  const newestEvent = log.page({ limit: 1 }).events[0]
  const newest = newestEvent ? Date.parse(newestEvent.time) : Date.now()
  const total = log.count({})
  const queries: QueryFigure[] = measureSummary(log)
  for (const { name, filter } of dashboardFilters(newest)) {
    queries.push(...measureFilter(log, name, filter))
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024
  const rssMb = process.memoryUsage().rss / 1024 / 1024
  void log.close()
  return { total, queries, peakRssMb, rssMb, openMs }
}
