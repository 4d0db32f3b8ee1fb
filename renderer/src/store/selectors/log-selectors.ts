import type { OutboundCategory } from '../../../../electron/common/outbound/categories'
import type { LogStats } from '../../../../electron/common/api/log-schemas'
import type { AppState } from '../app-state'
import { valueOf } from '../loadable'
import { rowAt } from '../slices/log-pages'
import { memoSelector } from './memo-selector'

/**
 * Rows the table's scroll model holds at most. Chrome caps an element's height at 33,554,428 px;
 * at 30 px a row that is about 1.1 million rows. Past it the owner narrows with filters.
 */
export const maxTableRows = 1_100_000

/** One day of the chart: counts per category, and the day's total. */
export interface ChartDay {
  readonly day: string
  readonly total: number
  readonly counts: readonly { readonly category: OutboundCategory; readonly count: number }[]
}

/** The chart of events per category per day. */
export interface ChartData {
  readonly days: readonly ChartDay[]
  readonly categories: readonly OutboundCategory[]
  readonly max: number
}

/** A facet option with its count. */
export interface FacetOption<T extends string> {
  readonly value: T
  readonly count: number
}

/** Builds the chart from per-category-per-day counts: days in order, categories by volume. */
export function toChartData(stats: LogStats | undefined, lastDays = 30): ChartData {
  const byDay = new Map<string, Map<OutboundCategory, number>>()
  const volume = new Map<OutboundCategory, number>()
  for (const entry of stats?.byDay ?? []) {
    const day = byDay.get(entry.day) ?? new Map<OutboundCategory, number>()
    day.set(entry.category, (day.get(entry.category) ?? 0) + entry.count)
    byDay.set(entry.day, day)
    volume.set(entry.category, (volume.get(entry.category) ?? 0) + entry.count)
  }
  const categories = [...volume.keys()].sort((a, b) => (volume.get(b) ?? 0) - (volume.get(a) ?? 0))
  const days = [...byDay.keys()]
    .sort()
    .slice(-lastDays)
    .map(day => {
      const counts = categories.map(category => ({
        category,
        count: byDay.get(day)?.get(category) ?? 0,
      }))
      return { day, counts, total: counts.reduce((sum, c) => sum + c.count, 0) }
    })
  return { days, categories, max: Math.max(0, ...days.map(day => day.total)) }
}

/** Selectors over the outbound log. */
export const logSelectors = {
  /** Rows in the table's scroll model: the snapshot's total, capped. */
  rowCount: (s: AppState): number => Math.min(s.logView.total ?? 0, maxTableRows),
  /** Whether the snapshot holds more rows than the table can scroll to. */
  truncated: (s: AppState): boolean => (s.logView.total ?? 0) > maxTableRows,
  chart: memoSelector(
    (s: AppState) => [s.logStats] as const,
    stats => toChartData(valueOf(stats)),
  ),
  /** The chart's events by witness: the server log's and the connections the system showed. */
  chartWitnesses: memoSelector(
    (s: AppState) => [s.logStats] as const,
    stats => {
      const rows = valueOf(stats)?.byWitnessDay ?? []
      const sum = (witness: 'log' | 'network') =>
        rows.filter(r => r.witness === witness).reduce((total, r) => total + r.count, 0)
      return { log: sum('log'), network: sum('network') }
    },
  ),
  categoryFacets: memoSelector(
    (s: AppState) => [s.logSummary] as const,
    (summary): readonly FacetOption<OutboundCategory>[] =>
      (valueOf(summary)?.byCategory ?? [])
        .filter(entry => entry.count > 0)
        .map(entry => ({ value: entry.category, count: entry.count }))
        .sort((a, b) => b.count - a.count),
  ),
  hostFacets: memoSelector(
    (s: AppState) => [s.logSummary] as const,
    (summary): readonly FacetOption<string>[] => {
      const counts = new Map<string, number>()
      for (const entry of valueOf(summary)?.byHost ?? []) {
        counts.set(entry.host, (counts.get(entry.host) ?? 0) + entry.count)
      }
      return [...counts]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count)
        .slice(0, 100)
    },
  ),
  selectedEvent: (s: AppState) =>
    s.selectedRow === null ? undefined : rowAt(s.logPages, s.selectedRow),
}
