import { join } from 'node:path'
import * as z from 'zod'
import { appError, type AppError } from '../../common/api/errors'
import type { LogPull, LogSource } from '../../common/api/remote-schemas'
import { err, ok, type Result } from '../../common/util/result'
import { readJsonFile, writeJsonFile } from '../files/json-file'
import type { ImportResult } from '../outbound/import/import-files'
import type { ActiveServer } from '../service/server-connections'
import { isPulledServer, pulledServerDir } from './mirror-folder'
import { pullServerLogs } from './pull-logs'

/** The default time between two pulls of a remote server's logs. */
export const defaultPullMinutes = 5

const statusSchema = z.object({
  lastPullAt: z.string().nullable(),
  lastInserted: z.number().nullable(),
  lastError: z.string().nullable(),
})

type PullStatus = z.infer<typeof statusSchema>
const noPull: PullStatus = { lastPullAt: null, lastInserted: null, lastError: null }

/** What the puller needs from the core. */
export interface LogPullerDeps {
  readonly stateDir: string
  readonly active: () => Result<ActiveServer, AppError>
  /** The same exactly-once import as local files. */
  readonly importFiles: (paths: readonly string[]) => Promise<ImportResult>
  /** Minutes between scheduled pulls (the owner's setting; 0: only on demand). */
  readonly intervalMinutes: () => Promise<number>
  /** Replaces a minute by this many ms (tests). */
  readonly minuteMs?: number
  readonly onError: (error: unknown) => void
  /** A closer address for a server reached from outside, if one answers now. */
  readonly improve?: () => Promise<ActiveServer | undefined>
  /** Chooses the server's address again after a failure that may mean it is elsewhere now. */
  readonly follow?: (failure: AppError) => Promise<Result<ActiveServer, AppError>>
  /** Told when a pull ended, after its state was written. */
  readonly onPulled?: (serverId: string, ok: boolean) => void
}

/** Pulls the active server's logs on demand and on a schedule, one pull at a time. */
export interface LogPuller {
  readonly pull: () => Promise<Result<LogPull, AppError>>
  readonly source: () => Promise<LogSource>
  /** (Re)starts the schedule for the active server: a pull now, then every N minutes. */
  readonly schedule: () => Promise<void>
  /** Ends the schedule; with `close`, also cuts a download under way and waits for its end. */
  readonly stop: (close?: boolean) => Promise<void>
}

/** Creates the log puller of one core. */
export function createLogPuller(deps: LogPullerDeps): LogPuller {
  let queue: Promise<unknown> = Promise.resolve()
  // Aborted when the core closes: a download under way ends instead of outliving it.
  const closing = new AbortController()
  let timer: NodeJS.Timeout | undefined
  let next: { at: number; serverId: string; minutes: number } | undefined
  const minuteMs = deps.minuteMs ?? 60_000
  const statusFile = (id: string) => join(pulledServerDir(deps.stateDir, id), 'pull-status.json')
  const readStatus = async (id: string) =>
    (await readJsonFile(statusFile(id), statusSchema, noPull)).value

  async function pullOnce(server: ActiveServer): Promise<Result<LogPull, AppError>> {
    const { record, connection } = server
    if (record.via === 'relay') {
      return err(
        appError(
          'logPullFailed',
          `${record.name} answers only through Plex’s relay; Hush does not pull its logs through it (they would pass through plex.tv’s relay service): make the server reachable on this network or by Remote Access`,
        ),
      )
    }
    const mirror = join(pulledServerDir(deps.stateDir, record.id), 'Logs')
    const pulled = await pullServerLogs({ ...connection.http, signal: closing.signal }, mirror)
    if (!pulled.ok) {
      const error =
        pulled.error.kind === 'unauthorized'
          ? appError(
              'unauthorized',
              `${record.name} refused Hush’s token (401): it was revoked or the server was removed from the account; sign in with Plex again and pick the server`,
            )
          : pulled.error
      return err(error)
    }
    const imported = await deps.importFiles(pulled.value.files)
    const at = new Date().toISOString()
    await writeJsonFile(statusFile(record.id), {
      lastPullAt: at,
      lastInserted: imported.inserted,
      lastError: null,
    })
    return ok({
      at,
      files: pulled.value.files.length,
      bytes: pulled.value.bytes,
      inserted: imported.inserted,
    })
  }

  /**
   * Pulls; when the server did not answer, pulls again where it answers now (a laptop away). A
   * failure is written to the status once, with the longer story when the server was looked for
   * elsewhere (where it did not answer, and why no other address was found).
   */
  async function pullFollowing(active: ActiveServer): Promise<Result<LogPull, AppError>> {
    // Back home, the LAN address answers again: pull there (never through a relay).
    const closer = await deps.improve?.()
    const server = closer?.record.id === active.record.id ? closer : active
    let pulled = await pullOnce(server)
    if (!pulled.ok && deps.follow !== undefined && !closing.signal.aborted) {
      const moved = await deps.follow(pulled.error)
      if (!moved.ok) {
        pulled = err(moved.error)
      } else if (moved.value !== server) {
        pulled = await pullOnce(moved.value)
      }
    }
    if (!pulled.ok) {
      const status = await readStatus(server.record.id)
      await writeJsonFile(statusFile(server.record.id), {
        ...status,
        lastError: pulled.error.message,
      })
    }
    return pulled
  }

  function pull(): Promise<Result<LogPull, AppError>> {
    const active = deps.active()
    if (!active.ok) {
      return Promise.resolve(
        err(
          appError(
            'unreachable',
            'no server is picked yet: sign in with Plex (`hush login`) and pick one (`hush servers use <name|id>`)',
          ),
        ),
      )
    }
    const { record } = active.value
    if (!isPulledServer(record)) {
      return Promise.resolve(
        err(
          appError(
            'invalidInput',
            record.dataDir === null
              ? `${record.name} was not picked from your servers on plex.tv: pick it with \`hush servers use\` to pull its logs`
              : `${record.name}’s log is read from its folder on this machine; there is nothing to pull`,
          ),
        ),
      )
    }
    // One pull at a time: one on demand waits for a scheduled one, and the cursors see both.
    const run = queue.then(async () => {
      const pulled = await pullFollowing(active.value)
      deps.onPulled?.(record.id, pulled.ok)
      return pulled
    })
    queue = run.catch(() => undefined)
    return run
  }

  const endSchedule = () => {
    clearTimeout(timer)
    timer = undefined
    next = undefined
  }

  async function schedule(): Promise<void> {
    endSchedule()
    const active = deps.active()
    if (!active.ok || !isPulledServer(active.value.record)) {
      return
    }
    const minutes = await deps.intervalMinutes()
    if (minutes <= 0) {
      return
    }
    const serverId = active.value.record.id
    const tick = () => {
      next = { at: Date.now() + minutes * minuteMs, serverId, minutes }
      timer = setTimeout(() => {
        void pull()
          .catch(deps.onError)
          .finally(() => {
            if (next?.serverId === serverId) {
              tick()
            }
          })
      }, minutes * minuteMs)
      timer.unref?.()
    }
    tick()
    await pull()
  }

  return {
    pull,
    schedule,
    stop: async close => {
      endSchedule()
      if (close === true) {
        closing.abort()
        // The pull that was cut short writes its status and removes its temporary zip first.
        await queue
      }
    },
    source: async () => {
      const active = deps.active()
      if (!active.ok) {
        return {
          mode: 'none',
          serverName: null,
          logsDir: null,
          intervalMinutes: null,
          lastPullAt: null,
          lastInserted: null,
          lastError: null,
          nextPullAt: null,
        }
      }
      const { record } = active.value
      if (!isPulledServer(record)) {
        return {
          mode: 'folder',
          serverName: record.name,
          logsDir: record.dataDir === null ? null : join(record.dataDir, 'Logs'),
          intervalMinutes: null,
          lastPullAt: null,
          lastInserted: null,
          lastError: null,
          nextPullAt: null,
        }
      }
      const status = await readStatus(record.id)
      const scheduled = next?.serverId === record.id ? next : undefined
      return {
        mode: 'pulled',
        serverName: record.name,
        logsDir: join(pulledServerDir(deps.stateDir, record.id), 'Logs'),
        intervalMinutes: scheduled?.minutes ?? 0,
        ...status,
        nextPullAt: scheduled ? new Date(scheduled.at).toISOString() : null,
      }
    },
  }
}
