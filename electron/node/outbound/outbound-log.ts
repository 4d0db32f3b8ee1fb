import { access } from 'node:fs/promises'
import { join } from 'node:path'
import type { PrivacyLevel } from '../../common/outbound/privacy-level'
import { importFiles, type ImportResult } from './import/import-files'
import { serverLogName } from '../../common/outbound/server-log-names'
import {
  eventById,
  iterateEvents,
  pageEvents,
  type EventFilter,
  type StoredEvent,
} from './store/event-queries'
import { applyRetention, countEvents, eventStats, type EventStats } from './store/event-stats'
import { EventWriter } from './store/event-writer'
import { exportEvents, type ExportFormat } from './store/export-events'
import { connectionsOf } from './store/connection-summary'
import type { ConnectionSummary } from '../../common/api/witness-schemas'
import { FlowWriter, type FlowBatch, type FlowWriteResult } from './store/flow-writer'
import { evidenceSummary } from './store/evidence-summary'
import type { EvidenceSummary } from '../../common/api/log-schemas'
import { openStore, storePath, type StoreDb } from './store/open-store'
import { TailFollower, type TailClock } from './tail/tail-follower'

/** How the outbound log is kept. */
export interface OutboundLogOptions {
  /** Hush's state folder (state-dir.ts); the store is `outbound.sqlite` in it. */
  readonly stateDir: string
  readonly privacyLevel?: PrivacyLevel
  /** Events older than this many days are deleted (default 90); null: none are (the CLI). */
  readonly retentionDays?: number | null
  /**
   * Open the store at once (default; the app's start step names a failure), or on first use (a
   * CLI command that may never read the log).
   */
  readonly openAtOnce?: boolean
  readonly floodCap?: number
  readonly intervalMs?: number
  readonly clock?: TailClock
  /** A better-sqlite3 build for this runtime (Electron's ABI in the desktop app). */
  readonly nativeBinding?: string
}

/** The state of live collection (the contract's tailStatus). */
export interface TailState {
  readonly state: 'idle' | 'following' | 'logMissing' | 'stopped'
  readonly logsDir: string | null
  readonly lastEventAt: string | null
  readonly debugLogging: boolean | null
}

/** The outbound log as the core service uses it. */
export interface OutboundLog {
  /** Starts following a server's `Logs/` folder (the data folder's `Logs`), replacing any other. */
  readonly follow: (logsDir: string) => Promise<void>
  readonly stopFollowing: () => Promise<void>
  readonly tailStatus: () => TailState
  /** Newest first; `before` is the id of the last row of the previous page, `offset` skips rows. */
  readonly page: (query: EventFilter & { limit?: number; before?: number; offset?: number }) => {
    events: StoredEvent[]
    nextBefore: number | null
  }
  readonly stats: (filter?: EventFilter) => EventStats
  /** Each switch's own requests and each background flow in the log (see evidence-summary.ts). */
  readonly evidence: () => EvidenceSummary
  readonly count: (filter?: EventFilter) => number
  readonly event: (id: number) => StoredEvent | null
  /** The export, or one part of it (`after` an id, at most `limit` events; see log-schemas.ts). */
  readonly exportText: (
    format: ExportFormat,
    filter?: EventFilter,
    part?: { readonly after?: number; readonly limit?: number },
  ) => ExportedText
  /** Imports log files, resumably; `privacyLevel` overrides the log's own for this import. */
  readonly importFiles: (
    paths: readonly string[],
    options?: { readonly privacyLevel?: PrivacyLevel },
  ) => Promise<ImportResult>
  /** A Plex process's stored connections, open ones first, then the latest (`limit` at most). */
  readonly connectionsOf: (processId: string, limit: number) => ConnectionSummary[]
  /** Stores what a sample of the connection witness changed (flow-writer.ts). */
  readonly recordFlows: (batch: FlowBatch) => FlowWriteResult
  /** Called after a poll stored events: how many, and the newest event's time. */
  readonly onRecorded: (listener: (count: number, newest: string | null) => void) => () => void
  readonly close: () => Promise<void>
}

/** An export, or one part of it. */
export interface ExportedText {
  readonly format: ExportFormat
  readonly fileName: string
  readonly content: string
  readonly count: number
  /** The id the next part starts after, or null when this part is the last. */
  readonly next: number | null
}

const retentionEveryMs = 6 * 3_600_000

/** Opens the outbound log in a state folder. */
export function openOutboundLog(options: OutboundLogOptions): OutboundLog {
  const retentionDays = options.retentionDays === undefined ? 90 : options.retentionDays
  let lastRetention = Date.now()
  let opened:
    { readonly db: StoreDb; readonly writer: EventWriter; readonly flows: FlowWriter } | undefined
  const store = () => {
    if (opened === undefined) {
      const db = openStore(storePath(options.stateDir), { nativeBinding: options.nativeBinding })
      const writer = new EventWriter(db, {
        privacyLevel: options.privacyLevel,
        floodCap: options.floodCap,
      })
      if (retentionDays !== null) {
        applyRetention(db, retentionDays)
      }
      opened = { db, writer, flows: new FlowWriter(db, options.privacyLevel) }
    }
    return opened
  }
  if (options.openAtOnce !== false) {
    store()
  }
  const listeners = new Set<(count: number, newest: string | null) => void>()
  let follower: TailFollower | null = null
  let status: TailState = { state: 'idle', logsDir: null, lastEventAt: null, debugLogging: null }

  const stopFollowing = async (): Promise<void> => {
    const current = follower
    follower = null
    await current?.stop()
    if (status.logsDir !== null) {
      status = { ...status, state: 'stopped' }
    }
  }

  return {
    follow: async logsDir => {
      await stopFollowing()
      const present = await access(join(logsDir, serverLogName)).then(
        () => true,
        () => false,
      )
      status = {
        state: present ? 'following' : 'logMissing',
        logsDir,
        lastEventAt: null,
        debugLogging: null,
      }
      const { db, writer } = store()
      follower = new TailFollower({
        db,
        writer,
        logsDir,
        intervalMs: options.intervalMs,
        clock: options.clock,
        onPoll: result => {
          status = {
            ...status,
            state: result.logPresent ? 'following' : 'logMissing',
            lastEventAt: result.newest ?? status.lastEventAt,
          }
          if (result.inserted > 0) {
            listeners.forEach(listener => listener(result.inserted, result.newest))
          }
          if (retentionDays !== null && Date.now() - lastRetention > retentionEveryMs) {
            lastRetention = Date.now()
            applyRetention(db, retentionDays)
          }
        },
      })
      follower.start()
    },
    stopFollowing,
    tailStatus: () => status,
    page: query => pageEvents(store().db, { ...query, limit: query.limit ?? 200 }),
    stats: filter => eventStats(store().db, filter ?? {}),
    evidence: () => evidenceSummary(store().db),
    count: filter => countEvents(store().db, filter ?? {}),
    event: id => eventById(store().db, id),
    exportText: (format, filter = {}, part = {}) => {
      const texts: string[] = []
      let next: number | null = null
      let more = false
      const events = function* () {
        let taken = 0
        for (const event of iterateEvents(store().db, filter, part.after)) {
          if (taken === part.limit) {
            more = true
            return
          }
          taken++
          next = event.id
          yield event
        }
      }
      const count = exportEvents(events(), format, text => texts.push(text), {
        opens: part.after === undefined,
        closes: () => !more,
      })
      return {
        format,
        fileName: `hush-outbound.${format === 'ndjson' ? 'ndjson' : format}`,
        content: texts.join(''),
        count,
        next: more ? next : null,
      }
    },
    importFiles: (paths, { privacyLevel } = {}) => {
      const { db, writer } = store()
      const importer =
        privacyLevel === undefined
          ? writer
          : new EventWriter(db, { privacyLevel, floodCap: options.floodCap })
      return importFiles(db, importer, paths)
    },
    connectionsOf: (processId, limit) => connectionsOf(store().db, processId, limit),
    recordFlows: batch => {
      const result = store().flows.write(batch)
      if (result.inserted > 0) {
        const newest = batch.opened.reduce((n, { flow }) => Math.max(n, flow.firstSeen), 0)
        listeners.forEach(listener => listener(result.inserted, new Date(newest).toISOString()))
      }
      return result
    },
    onRecorded: listener => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: async () => {
      await stopFollowing()
      opened?.db.close()
      opened = undefined
    },
  }
}
