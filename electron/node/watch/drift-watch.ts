import { createHash } from 'node:crypto'
import type { AppError } from '../../common/api/errors'
import type { ApplyReport } from '../../common/api/switch-schemas'
import type { DriftReport } from '../../common/api/watch-schemas'
import type { Result } from '../../common/util/result'
import type { PlexClient } from '../server/plex-client'
import type { PlexHttpConfig } from '../server/plex-http'
import type { SwitchEngine } from '../switches/switch-engine'
import type { SwitchStore } from '../switches/switch-store'
import { checkDrift } from './check-drift'
import { enforceChoices } from './enforce-choices'
import { subscribeNotifications, type NotificationStream } from './server-notifications'
import type { ServerVersions } from './server-versions'

/** What the drift watch watches and whom it tells. */
export interface DriftWatchOptions {
  readonly client: PlexClient
  /** For the notification stream; without it the watch only polls. */
  readonly http?: PlexHttpConfig
  readonly engine: SwitchEngine
  readonly store: SwitchStore
  readonly serverId: string
  readonly versions: ServerVersions
  readonly pollMs: number
  /** Read at each drift: the owner may turn enforcement on or off while the watch runs. */
  readonly enforce: () => boolean
  /** New drift (not the same drift again); `enforced` is what re-applying did, if it ran. */
  readonly onDrift: (
    drift: DriftReport,
    enforced: Result<ApplyReport | null, AppError> | null,
  ) => void
  /** A timed exception ended and was undone (or could not be). */
  readonly onRevert: (report: Result<ApplyReport, AppError>) => void
  readonly onError: (error: AppError) => void
  readonly now?: () => Date
}

/** A running drift watch. */
export interface DriftWatch {
  /** Checks at once (e.g. after the owner changed enforcement); resolves when done. */
  readonly checkNow: () => Promise<void>
  readonly stop: () => Promise<void>
  /** Whether the server's notification stream is in use (else polling only). */
  readonly notified: () => boolean
}

// Never check timed exceptions more often than this, however close the deadline.
const minExceptionWaitMs = 250

/**
 * Watches one server: a cheap fingerprint (version, setting values, library agents) at each poll
 * or notification, a full drift check only when it changed, enforcement when the owner asked for
 * it, and timed exceptions undone on time. One step runs at a time.
 */
export function startDriftWatch(options: DriftWatchOptions): DriftWatch {
  const now = options.now ?? (() => new Date())
  let stopped = false
  let fingerprint: string | null = null
  let lastDrift = ''
  let running: Promise<void> = Promise.resolve()
  let pollTimer: NodeJS.Timeout | undefined
  let exceptionTimer: NodeJS.Timeout | undefined
  let stream: NotificationStream | null = null

  async function currentFingerprint(): Promise<string | null> {
    const [identity, prefs, sections] = await Promise.all([
      options.client.identity(),
      options.client.prefs(),
      options.client.sections(),
    ])
    if (!identity.ok || !prefs.ok || !sections.ok) {
      const failed = [identity, prefs, sections].find(result => !result.ok)
      if (failed && !failed.ok) {
        options.onError(failed.error)
      }
      return null
    }
    const hash = createHash('sha256').update(identity.value.version)
    for (const setting of prefs.value) {
      hash.update(`\0${setting.id}=${String(setting.value)}`)
    }
    for (const section of sections.value) {
      hash.update(`\0${section.key}:${section.agent}`)
    }
    return hash.digest('base64')
  }

  async function check(force: boolean): Promise<void> {
    const next = await currentFingerprint()
    if (next === null || (!force && next === fingerprint)) {
      return
    }
    fingerprint = next
    const drift = await checkDrift({
      client: options.client,
      engine: options.engine,
      versions: options.versions,
      now,
    })
    if (!drift.ok) {
      options.onError(drift.error)
      return
    }
    const key = drift.value.changes.map(change => `${change.switchId}=${change.after}`).join(',')
    if (key === lastDrift) {
      return
    }
    lastDrift = key
    if (drift.value.changes.length === 0) {
      return
    }
    const enforced = options.enforce() ? await enforceChoices(options.engine, drift.value) : null
    if (enforced?.ok) {
      // Our own change moved the fingerprint; the drift is gone once it is applied.
      lastDrift = ''
      fingerprint = await currentFingerprint()
    }
    options.onDrift(drift.value, enforced)
  }

  async function revertDue(): Promise<void> {
    const reports = await options.engine.revertExpired()
    for (const report of reports) {
      options.onRevert(report)
    }
    if (reports.length > 0) {
      fingerprint = await currentFingerprint()
    }
  }

  async function scheduleExceptions(): Promise<void> {
    clearTimeout(exceptionTimer)
    const pending = (await options.store.exceptions()).filter(
      entry => entry.serverId === options.serverId,
    )
    if (stopped || pending.length === 0) {
      return
    }
    const next = Math.min(...pending.map(entry => Date.parse(entry.until)))
    const wait = Math.min(Math.max(next - now().getTime(), minExceptionWaitMs), options.pollMs)
    exceptionTimer = setTimeout(() => void step(revertDue), wait)
  }

  function step(work: () => Promise<void>): Promise<void> {
    running = running.then(async () => {
      if (stopped) {
        return
      }
      await work()
      await scheduleExceptions()
    })
    return running
  }

  function poll(): void {
    pollTimer = setTimeout(() => {
      void step(() => check(false)).then(() => {
        if (!stopped) {
          poll()
        }
      })
    }, options.pollMs)
  }

  void step(async () => {
    await revertDue()
    await check(true)
  })
  poll()
  if (options.http) {
    void subscribeNotifications(options.http, () => void step(() => check(false))).then(
      subscribed => {
        stream = subscribed
        if (stopped) {
          stream?.close()
        }
      },
    )
  }

  return {
    checkNow: () =>
      step(() => {
        // Asked explicitly (e.g. enforcement just turned on): report and act even on known drift.
        lastDrift = ''
        return check(true)
      }),
    notified: () => stream !== null,
    async stop() {
      stopped = true
      clearTimeout(pollTimer)
      clearTimeout(exceptionTimer)
      stream?.close()
      await running
    },
  }
}
