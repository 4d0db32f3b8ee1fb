import type { ApiEvents } from '../../common/api/contract'
import type { AppError } from '../../common/api/errors'
import type { AppSettings } from '../../common/api/settings-schemas'
import type { EventHub } from '../../common/util/event-hub'
import type { OutboundLog } from '../outbound/outbound-log'
import type { SessionSource } from '../service/active-session'
import type { NotifyOwner } from '../service/owner-notices'
import type { ActiveServer } from '../service/server-connections'
import { startDestinationWatch } from './destination-watch'
import { startDriftWatch, type DriftWatch } from './drift-watch'
import { openServerVersions } from './server-versions'

/** What the core's watch is built from. */
export interface CoreWatchDeps {
  readonly stateDir: string
  readonly session: SessionSource
  readonly onConnected: (listener: (server: ActiveServer) => void) => () => void
  /** The outbound log, watched for new destinations; absent: destinations are not watched. */
  readonly outbound?: Pick<OutboundLog, 'stats' | 'onRecorded'>
  readonly events: EventHub<ApiEvents>
  readonly settings: () => Promise<AppSettings>
  readonly notify: NotifyOwner
  readonly onError: (error: unknown) => void
  /** A poll of the server failed (default: onError). */
  readonly onServerError?: (error: AppError) => void
}

/** A host's own choices for the watch, over the owner's settings (`hush watch --interval --enforce`). */
export interface WatchChoices {
  readonly pollSeconds?: number
  /** Enforce the owner's choices even when the setting is off. */
  readonly enforce?: boolean
}

/** The watch as the core runs it (its methods: service/methods/watch.ts). */
export interface CoreWatch {
  /** Starts watching the active server (and each one connected after). */
  readonly start: (choices?: WatchChoices) => Promise<void>
  readonly stop: () => Promise<void>
}

/**
 * Watches the active server for drift and timed exceptions that end (restarted on every connect
 * and when the polling interval changes), and the outbound log for new destinations; pushes
 * `drift.detected`, `switches.changed` and `destination.discovered`, and notifies.
 */
export function createCoreWatch(deps: CoreWatchDeps): CoreWatch {
  const versions = openServerVersions(deps.stateDir, () => new Date())
  let drift: DriftWatch | null = null
  let enforce = false
  let pollSeconds = 60
  const stops: Array<() => void> = []

  async function watchActive(): Promise<void> {
    await drift?.stop()
    drift = null
    const active = await deps.session()
    if (!active.ok) {
      return
    }
    const { engine, store, server } = active.value
    const { connection } = server
    drift = startDriftWatch({
      client: connection.client,
      http: connection.http,
      engine,
      store,
      serverId: connection.info.machineIdentifier,
      versions,
      pollMs: pollSeconds * 1000,
      enforce: () => enforce,
      onDrift: (report, enforced) => {
        const restored = enforced?.ok === true && enforced.value !== null
        deps.events.emit('drift.detected', {
          changes: report.changes.map(({ switchId, before, after, why }) => ({
            switchId,
            before,
            after,
            why,
          })),
          enforced: restored,
          report,
          enforcement: enforced,
        })
        if (enforced?.ok && enforced.value !== null) {
          deps.events.emit('switches.changed', { reason: 'drift', report: enforced.value })
        }
        const switchIds = report.changes.map(change => change.switchId)
        deps.notify({ kind: 'drift', switchIds, restored })
      },
      onRevert: report => {
        if (report.ok) {
          deps.events.emit('switches.changed', { reason: 'revert', report: report.value })
          deps.notify({ kind: 'timedChangeEnded', message: report.value.message })
        } else {
          deps.notify({ kind: 'timedChangeFailed', reason: report.error.message })
        }
      },
      onError: deps.onServerError ?? deps.onError,
    })
  }

  // One restart at a time: a connect during the last one must not leave two watches running.
  let watching = Promise.resolve()
  const restart = () => {
    watching = watching.then(watchActive).catch(deps.onError)
  }

  return {
    async start(choices = {}) {
      const settings = await deps.settings()
      enforce = choices.enforce === true || settings.enforce
      pollSeconds = choices.pollSeconds ?? settings.driftPollSeconds
      stops.push(deps.onConnected(restart))
      restart()
      stops.push(
        deps.events.on('settings.changed', settings => {
          const seconds = choices.pollSeconds ?? settings.driftPollSeconds
          const intervalChanged = seconds !== pollSeconds
          const enforceTurnedOn = settings.enforce && !enforce
          enforce = choices.enforce === true || settings.enforce
          pollSeconds = seconds
          if (intervalChanged) {
            restart()
          } else if (enforceTurnedOn) {
            void drift?.checkNow()
          }
        }),
      )
      if (deps.outbound) {
        const destinations = startDestinationWatch({
          stateDir: deps.stateDir,
          log: deps.outbound,
          onError: deps.onError,
          onDiscovered: ({ host, category }) => {
            deps.events.emit('destination.discovered', { host, category })
            deps.notify({ kind: 'newDestination', host, category })
          },
        })
        stops.push(destinations.stop)
      }
      // Started on the active server (if any) by the time start resolves.
      await watching
    },
    async stop() {
      for (const stop of stops.splice(0)) {
        stop()
      }
      await watching
      await drift?.stop()
      drift = null
    },
  }
}
