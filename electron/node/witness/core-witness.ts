import type { AppSettings } from '../../common/api/settings-schemas'
import type { WitnessStatus } from '../../common/api/witness-schemas'
import type { OutboundLog } from '../outbound/outbound-log'
import type { FlowBatch } from '../outbound/store/flow-writer'
import { createAddressBook, resolveHostNames, type ResolveHost } from './address-names'
import type { Collector } from './collector'
import { createConnectionSampler, type ConnectionSampler } from './connection-sampler'
import type { FlowChanges } from './flow-table'
import { scopeToDataDir } from './demo-scope'
import { createPlatformCollector } from './platform-collector'

/** The Plex hosts Hush may look up to name connections, when the owner allows it. */
export const plexHostsToResolve = [
  'plex.tv',
  'pubsub.plex.tv',
  'metadata.provider.plex.tv',
  'analytics.plex.tv',
  'clients.plex.tv',
] as const

/** What the witness needs from the core. */
export interface CoreWitnessDeps {
  readonly outbound: Pick<OutboundLog, 'recordFlows' | 'connectionsOf'>
  /** The collector of this system by default. */
  readonly collect?: Collector
  readonly platform?: NodeJS.Platform
  readonly resolve?: ResolveHost
  readonly now?: () => number
  /** Errors no caller sees (a store write that failed). */
  readonly onError?: (error: unknown) => void
}

/** What the owner chose (settings-schemas.ts). */
export interface WitnessChoices {
  readonly enabled: boolean
  readonly intervalSeconds: number
  readonly resolvePlexHosts: boolean
}

/** The owner's witness choices out of their settings. */
export function witnessChoicesOf(settings: AppSettings): WitnessChoices {
  return {
    enabled: settings.witnessEnabled,
    intervalSeconds: settings.witnessIntervalSeconds,
    resolvePlexHosts: settings.resolvePlexHosts,
  }
}

/** The connection witness of a resident core: one sampler for the server on this machine. */
export interface CoreWitness {
  /**
   * Watches the Plex processes of the server whose data folder is `dataDir` (null: a server on
   * another machine, which cannot be watched from here); stops any earlier watch first.
   */
  readonly watch: (dataDir: string | null, choices: WitnessChoices) => Promise<void>
  readonly stop: () => void
  readonly status: () => WitnessStatus
}

const supported: readonly NodeJS.Platform[] = ['linux', 'darwin', 'win32']

/** Creates the witness; it watches nothing until `watch`. */
export function createCoreWitness(deps: CoreWitnessDeps): CoreWitness {
  const now = deps.now ?? Date.now
  const platform = deps.platform ?? process.platform
  let sampler: ConnectionSampler | undefined
  let state: WitnessStatus['state'] = supported.includes(platform) ? 'idle' : 'unsupported'
  let intervalSeconds = 2
  let since: number | null = null
  let ownCalls: readonly string[] = []
  let generation = 0

  const stop = (): void => {
    generation++
    sampler?.stop()
    sampler = undefined
    since = null
  }

  return {
    watch: async (dataDir, choices) => {
      stop()
      const mine = generation
      intervalSeconds = choices.intervalSeconds
      if (!supported.includes(platform)) {
        state = 'unsupported'
        return
      }
      if (!choices.enabled) {
        state = 'off'
        return
      }
      if (dataDir === null) {
        state = 'notLocal'
        return
      }
      const book = createAddressBook()
      const resolved = await resolveHostNames(plexHostsToResolve, {
        allowed: choices.resolvePlexHosts,
        resolve: deps.resolve,
        now,
      })
      book.add(resolved.names)
      ownCalls = resolved.ownCalls
      const scope = scopeToDataDir(dataDir, deps.collect ?? createPlatformCollector(platform))
      const refreshNames = async (): Promise<void> => book.add(await scope.names())
      await refreshNames()
      if (mine !== generation) {
        return
      }
      const record = (changes: FlowChanges, first: boolean): void => {
        const batch: FlowBatch = {
          opened: changes.opened.map(flow => ({
            flow,
            host:
              book.label(flow.remote.address, flow.remote.port).names[0]?.name ??
              flow.remote.address,
          })),
          updated: changes.updated,
          closed: changes.closed,
          ...(first ? { openNow: changes.opened, at: now() } : {}),
        }
        try {
          deps.outbound.recordFlows(batch)
        } catch (error) {
          deps.onError?.(error)
        }
      }
      let started = false
      // Writes in the order of the samples: a flow is stored before its update or its close.
      let queue = Promise.resolve()
      const current = createConnectionSampler({
        collect: scope.collect,
        intervalSeconds,
        now,
        onChanges: changes => {
          if (started) {
            queue = queue.then(async () => {
              // A connection to a new stand-in: the demo has written its name by now.
              if (changes.opened.length > 0) {
                await refreshNames()
              }
              record(changes, false)
            })
          }
        },
      })
      sampler = current
      state = 'watching'
      since = now()
      // The first sample also closes what an earlier run left open and is gone now.
      const first = await current.sampleOnce()
      if (mine !== generation) {
        return
      }
      record(first, true)
      started = true
      current.start()
    },
    stop: () => {
      stop()
      state = supported.includes(platform) ? 'idle' : 'unsupported'
    },
    status: () => ({
      state,
      intervalSeconds,
      since: since === null ? null : new Date(since).toISOString(),
      notices: (sampler?.notices() ?? []).map(n => n.message),
      relay: deps.outbound.connectionsOf('relay', 1)[0] ?? null,
      crashUploads: deps.outbound.connectionsOf('crash-uploader', 5),
      ownCalls: [...ownCalls],
    }),
  }
}
