import type { ApiOutput, PrivacyBridge } from '../../../../electron/common/api/contract'
import type {
  EvidenceSummary,
  LogFilter,
  LogStats,
  OutboundEventView,
} from '../../../../electron/common/api/log-schemas'
import type { SliceCreator } from '../app-state'
import { idle, load, loading, plain, unexpected, type Loadable } from '../loadable'
import { keepPages, logPageSize } from './log-pages'
import type { DownloadFile } from './verify-slice'

/** What the core says about live collection from the server's Logs folder. */
export type TailStatus = ApiOutput<'log.tailStatus'>

/** What the connection witness says now: the relay, the latest crash uploads. */
export type WitnessView = ApiOutput<'log.witness'>

/**
 * The outbound log as the table sees it: a snapshot (the newest id when it was taken, and the
 * total), and a small bounded cache of pages around what is on screen. The renderer never holds
 * the whole log.
 */
export interface LogSlice {
  readonly logFilter: LogFilter
  readonly logView: {
    readonly version: number
    readonly anchor: number | null
    readonly total: number | null
  }
  readonly logPages: Readonly<Record<number, readonly OutboundEventView[]>>
  readonly logPagesLoading: readonly number[]
  readonly logStats: Loadable<LogStats>
  readonly logSummary: Loadable<LogStats>
  /** Each switch's own requests and each background flow in the log, for the Overview. */
  readonly evidence: EvidenceSummary | null
  /** Events recorded since the table's snapshot was taken. */
  readonly logFresh: number
  /** The selected row, by position in the snapshot. */
  readonly selectedRow: number | null
  readonly tailStatus: TailStatus | null
  readonly witnessStatus: WitnessView | null
  /** Reads the connection witness again (the Overview polls it while shown). */
  readonly witnessRefreshed: () => Promise<void>
  readonly logOpened: () => Promise<void>
  readonly logRefreshed: () => Promise<void>
  readonly logFilterChanged: (patch: Partial<LogFilter>) => Promise<void>
  readonly logPageNeeded: (index: number) => Promise<void>
  readonly logRecorded: (count: number) => void
  readonly logRowSelected: (position: number | null) => void
  readonly logExportRequested: (format: 'csv' | 'json' | 'ndjson') => Promise<DownloadFile | null>
  readonly logSummaryRequested: () => Promise<void>
}

/** Creates the outbound-log slice. */
export function createLogSlice(bridge: PrivacyBridge): SliceCreator<LogSlice> {
  return (set, get) => ({
    logFilter: {},
    logView: { version: 0, anchor: null, total: null },
    logPages: {},
    logPagesLoading: [],
    logStats: idle,
    logSummary: idle,
    evidence: null,
    logFresh: 0,
    selectedRow: null,
    tailStatus: null,
    witnessStatus: null,
    witnessRefreshed: async () => {
      const loaded = await load(() => plain(bridge.call('log.witness', {})))
      if (loaded.status === 'ready') {
        set({ witnessStatus: loaded.value })
      }
    },
    logOpened: async () => {
      if (get().logView.version === 0) {
        await get().logRefreshed()
      }
    },
    logRefreshed: async () => {
      const version = get().logView.version + 1
      const filter = get().logFilter
      set({
        logView: { version, anchor: null, total: null },
        logPages: {},
        logPagesLoading: [],
        logFresh: 0,
        selectedRow: null,
        logStats: loading(get().logStats),
      })
      const loaded = await load(() =>
        plain(
          Promise.all([
            bridge.call('log.page', { ...filter, limit: 1 }),
            bridge.call('log.count', filter),
            bridge.call('log.stats', filter),
          ]),
        ),
      )
      if (loaded.status !== 'ready') {
        set({ logStats: { status: 'error', error: loaded.error } })
        return
      }
      if (get().logView.version !== version) {
        return
      }
      const [newest, count, stats] = loaded.value
      const anchor = newest.events[0]?.id ?? null
      set({
        logView: { version, anchor, total: anchor === null ? 0 : count.total },
        logStats: { status: 'ready', value: stats },
      })
    },
    logFilterChanged: async patch => {
      const merged: Record<string, unknown> = { ...get().logFilter, ...patch }
      for (const key of Object.keys(merged)) {
        if (merged[key] === undefined || merged[key] === '') {
          delete merged[key]
        }
      }
      set({ logFilter: merged, selectedRow: null })
      await get().logRefreshed()
    },
    logPageNeeded: async index => {
      const { logView, logPages, logPagesLoading, logFilter } = get()
      if (logView.anchor === null || logPages[index] || logPagesLoading.includes(index)) {
        return
      }
      set({ logPagesLoading: [...logPagesLoading, index] })
      const version = logView.version
      try {
        const page = await bridge.call('log.page', {
          ...logFilter,
          limit: logPageSize,
          offset: index * logPageSize,
          before: logView.anchor + 1,
        })
        const now = get()
        if (now.logView.version !== version) {
          return
        }
        const total = now.logView.total ?? 0
        const shortPage = page.events.length < logPageSize
        set({
          logPages: keepPages(now.logPages, index, page.events),
          logPagesLoading: now.logPagesLoading.filter(i => i !== index),
          // A short page is the end of the log: events counted but gone (retention) fall away.
          logView: shortPage
            ? { ...now.logView, total: Math.min(total, index * logPageSize + page.events.length) }
            : now.logView,
        })
      } catch {
        set({ logPagesLoading: get().logPagesLoading.filter(i => i !== index) })
      }
    },
    logRecorded: count => {
      const { logView, logFresh } = get()
      // An empty table has nothing to keep still: show the first events as they come.
      if (logView.version > 0 && logView.total === 0) {
        void get().logRefreshed()
        return
      }
      set({ logFresh: logFresh + count })
    },
    logRowSelected: position => set({ selectedRow: position }),
    logExportRequested: async format => {
      try {
        const file = await bridge.call('log.export', { format, filter: get().logFilter })
        const mimeType = {
          csv: 'text/csv',
          json: 'application/json',
          ndjson: 'application/x-ndjson',
        }[format]
        return { fileName: file.fileName, content: file.content, mimeType }
      } catch (error) {
        get().noticeShown({ tone: 'error', text: unexpected(error).message, undoable: false })
        return null
      }
    },
    logSummaryRequested: async () => {
      set({ logSummary: loading(get().logSummary) })
      const loaded = await load(() =>
        plain(
          Promise.all([
            bridge.call('log.stats', {}),
            bridge.call('log.tailStatus', {}),
            bridge.call('log.evidence', {}),
            bridge.call('log.witness', {}),
          ]),
        ),
      )
      if (loaded.status !== 'ready') {
        set({ logSummary: { status: 'error', error: loaded.error } })
        return
      }
      const [summary, tailStatus, evidence, witnessStatus] = loaded.value
      set({ logSummary: { status: 'ready', value: summary }, tailStatus, evidence, witnessStatus })
    },
  })
}
