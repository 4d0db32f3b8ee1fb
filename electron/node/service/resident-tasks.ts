import { join } from 'node:path'
import type { ApiEvents } from '../../common/api/contract'
import type { EventHub } from '../../common/util/event-hub'
import type { OutboundLog } from '../outbound/outbound-log'
import type { LogPuller } from '../remote/log-puller'
import { watchNetworkPlace } from './network-place'
import type { ServerConnections } from './server-connections'

/** What a resident core's background work on its server is built from. */
export interface ResidentTasksDeps {
  readonly servers: Pick<ServerConnections, 'onConnected' | 'networkChanged'>
  readonly outbound: Pick<OutboundLog, 'follow' | 'stopFollowing'>
  readonly puller: Pick<LogPuller, 'schedule'>
  readonly events: EventHub<ApiEvents>
  /** The pull interval in the owner's settings when the core starts. */
  readonly pullMinutes: number
  /** Where this computer is on the network, and how often to look (network-place.ts). */
  readonly network?: { readonly place?: () => string; readonly everyMs?: number }
  readonly onError: (error: unknown) => void
}

/** The background work of a resident core (the desktop app, `hush serve`) on its server. */
export interface ResidentTasks {
  /** Starts watching the computer's place on the network (once the last server is restored). */
  readonly watchNetwork: () => void
  readonly stop: () => void
}

/**
 * Keeps the log of the active server coming: a server on this machine by following its Logs
 * folder, one on another machine by pulls on the owner's schedule (rescheduled when the setting
 * changes); and a laptop that joins another network looks for where its server answers now, so
 * that leaving home or coming back takes the right address at once, even with pulls off.
 */
export function createResidentTasks(deps: ResidentTasksDeps): ResidentTasks {
  const { outbound, puller, onError } = deps
  const stopConnected = deps.servers.onConnected(server => {
    if (server.record.dataDir !== null) {
      outbound.follow(join(server.record.dataDir, 'Logs')).catch(onError)
    } else {
      // A server on another machine: its logs come by pull, into their own mirror folder.
      outbound.stopFollowing().catch(onError)
    }
    puller.schedule().catch(onError)
  })
  let pullMinutes = deps.pullMinutes
  const stopPullSetting = deps.events.on('settings.changed', changed => {
    if (changed.logPullMinutes !== pullMinutes) {
      pullMinutes = changed.logPullMinutes
      puller.schedule().catch(onError)
    }
  })
  let stopNetworkWatch = () => {}
  return {
    watchNetwork: () => {
      stopNetworkWatch()
      // Only a server found through plex.tv is looked for; plex.tv is asked only for one reached
      // from outside, or one whose LAN address no longer answers.
      stopNetworkWatch = watchNetworkPlace({
        place: deps.network?.place,
        everyMs: deps.network?.everyMs ?? 30_000,
        onMoved: () => void deps.servers.networkChanged().catch(onError),
      })
    },
    stop: () => {
      stopNetworkWatch()
      stopConnected()
      stopPullSetting()
    },
  }
}
