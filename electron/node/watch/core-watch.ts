import type { ApiEvents, PrivacyApi } from '../../common/api/contract'
import type { AppError } from '../../common/api/errors'
import type { AppSettings } from '../../common/api/settings-schemas'
import type { EventHub } from '../../common/util/event-hub'
import type { Result } from '../../common/util/result'
import type { OutboundLog } from '../outbound/outbound-log'
import type { ActiveBoard } from '../service/active-session'
import type { Notifier } from '../service/ports'
import type { ActiveServer } from '../service/server-connections'
import { checkDrift } from './check-drift'
import { startDestinationWatch } from './destination-watch'
import { startDriftWatch, type DriftWatch } from './drift-watch'
import { listOverrides } from './list-overrides'
import { openServerVersions } from './server-versions'

/** What the core's watch is built from. */
export interface CoreWatchDeps {
  readonly stateDir: string
  readonly board: () => Result<ActiveBoard, AppError>
  readonly onConnected: (listener: (server: ActiveServer) => void) => () => void
  readonly outbound: Pick<OutboundLog, 'stats' | 'onRecorded'>
  readonly events: EventHub<ApiEvents>
  readonly settings: () => Promise<AppSettings>
  readonly notifier?: Notifier
  readonly onError: (error: unknown) => void
}

/** The watch as the core runs it: its contract methods and its lifecycle. */
export interface CoreWatch {
  readonly methods: Pick<PrivacyApi, 'watch.drift' | 'watch.overrides'>
  readonly start: () => Promise<void>
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
    const active = deps.board()
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
        })
        if (restored) {
          deps.events.emit('switches.changed', { reason: 'drift' })
        }
        const names = report.changes.map(change => change.switchId).join(', ')
        deps.notifier?.notify(
          restored ? 'Hush put your privacy settings back' : 'Your Plex privacy settings changed',
          `${names}: no longer as you chose${restored ? ' (restored)' : ''}.`,
        )
      },
      onRevert: report => {
        if (report.ok) {
          deps.events.emit('switches.changed', { reason: 'revert' })
          deps.notifier?.notify('A temporary change ended', report.value.message)
        } else {
          deps.onError(report.error)
        }
      },
      onError: deps.onError,
    })
  }

  const restart = () => void watchActive().catch(deps.onError)

  return {
    methods: {
      'watch.drift': async () => {
        const active = deps.board()
        if (!active.ok) {
          return active
        }
        return checkDrift({
          client: active.value.server.connection.client,
          engine: active.value.engine,
          versions,
        })
      },
      'watch.overrides': async () => {
        const active = deps.board()
        return active.ok ? listOverrides(active.value.engine, active.value.store) : active
      },
    },
    async start() {
      const settings = await deps.settings()
      enforce = settings.enforce
      pollSeconds = settings.driftPollSeconds
      stops.push(deps.onConnected(restart))
      stops.push(
        deps.events.on('settings.changed', settings => {
          const intervalChanged = settings.driftPollSeconds !== pollSeconds
          const enforceTurnedOn = settings.enforce && !enforce
          enforce = settings.enforce
          pollSeconds = settings.driftPollSeconds
          if (intervalChanged) {
            restart()
          } else if (enforceTurnedOn) {
            void drift?.checkNow()
          }
        }),
      )
      const destinations = startDestinationWatch({
        stateDir: deps.stateDir,
        log: deps.outbound,
        onError: deps.onError,
        onDiscovered: ({ host, category }) => {
          deps.events.emit('destination.discovered', { host, category })
          deps.notifier?.notify(
            'A new destination',
            `Your server contacted ${host} (${category}) for the first time.`,
          )
        },
      })
      stops.push(destinations.stop)
    },
    async stop() {
      for (const stop of stops.splice(0)) {
        stop()
      }
      await drift?.stop()
      drift = null
    },
  }
}
