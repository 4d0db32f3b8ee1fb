import { err, ok, type Result } from '../common/util/result'
import type { DemoWorld } from './demo-world'
import type { PinStore } from './pin-store'
import type { LogsZipMode } from './routes-remote'
import type { DemoFlow } from './sent-record'

/** What the faults need from the running server besides its state. */
export interface FaultHooks {
  /** Logs a request made by another client, as the server's inbound log lines. */
  readonly logOtherClient: (method: string, target: string, status: number) => void
  /** Runs the simulated clock forward by this many milliseconds (the traffic of that time is logged). */
  readonly advance: (millis: number) => void
  /** Moves the server to a new version: new setting list, resets, a new log banner. */
  readonly update: () => Promise<string>
  /** Opens or closes the address on the owner's home network (lan-door.ts). */
  readonly network: (at: DemoNetworkPlace) => Promise<void>
}

/** Where the owner's computer is: on the server's home network, or away from it. */
export type DemoNetworkPlace = 'home' | 'away'

/** Faults and simulations for tests (issues #3, #5, #8), also reachable over `POST /__demo/<action>`. */
export interface DemoFaults {
  /** The nth PUT from now (1 = the next) answers 500 and changes nothing. */
  readonly failPut: (n: number) => void
  /** The next request whose path starts with the prefix (any request by default) never answers. */
  readonly hangNext: (pathPrefix?: string) => void
  /** Another admin changes a setting behind Hush's back (logged as another client's request). */
  readonly otherAdmin: (prefId: string, value: string) => Promise<Result<void, string>>
  /** Keep sending this flow even when a setting that should stop it is off. */
  readonly leak: (flow: DemoFlow) => void
  /** A simulated server update: bumps the version and resets some settings; resolves to the new version. */
  readonly simulateUpdate: () => Promise<string>
  /** Make plex.tv unreachable (503 on the account endpoints, failing calls in the log), or back. */
  readonly plexTvDown: (down: boolean) => void
  /** Remote access on but unreachable from outside (a relay connection is then used), or back. */
  readonly remoteUnreachable: (unreachable: boolean) => void
  /** Runs the simulated clock forward (e.g. an hour of traffic at once). */
  readonly advance: (millis: number) => void
  /**
   * Every write (PUT, POST, DELETE) after the next `after` waits this long before it is handled,
   * until reset: an apply slowed from a chosen step on.
   */
  readonly delayWrites: (millis: number, after?: number) => void
  /** The owner refuses sign-ins (or no longer does); or every sign-in PIN expires now. */
  readonly pins: (change: { readonly refuse?: boolean; readonly expire?: boolean }) => void
  /** How `/diagnostics/logs` answers: a zip, or a truncated, non-zip, path-escaping or bomb one. */
  readonly logsZip: (mode: LogsZipMode) => void
  /**
   * `home`: the server answers on an address of the owner's home network too, which plex.tv lists
   * first; `away`: the owner's computer left that network, and the address refuses connections.
   */
  readonly network: (at: DemoNetworkPlace) => Promise<void>
  /** Clears every fault and leak (the network stays where it is). */
  readonly reset: () => void
}

/** Creates the fault controls of a running demo. */
export function createDemoFaults(
  world: DemoWorld,
  hooks: FaultHooks,
  pinStore: PinStore,
): DemoFaults {
  const state = world.faults
  return {
    pins: change => {
      if (change.refuse !== undefined) {
        pinStore.refuse(change.refuse)
      }
      if (change.expire === true) {
        pinStore.expireAll()
      }
    },
    logsZip: mode => {
      state.logsZipMode = mode
    },
    failPut: n => {
      state.putCountdown = Math.max(1, Math.floor(n))
    },
    hangNext: prefix => {
      state.hangPrefix = prefix ?? '/'
    },
    otherAdmin: async (prefId, value) => {
      const written = await world.prefs.write([[prefId, value]])
      const target = `/:/prefs?${encodeURIComponent(prefId)}=${encodeURIComponent(value)}`
      hooks.logOtherClient('PUT', target, written.ok ? 200 : written.error.status)
      if (!written.ok) {
        return err(written.error.message)
      }
      world.settingsChanged(written.value)
      return ok(undefined)
    },
    leak: flow => {
      state.leaks.add(flow)
    },
    simulateUpdate: () => hooks.update(),
    plexTvDown: down => {
      state.plexTvDown = down
    },
    remoteUnreachable: unreachable => {
      state.remoteUnreachable = unreachable
    },
    advance: millis => hooks.advance(millis),
    network: at => hooks.network(at),
    delayWrites: (millis, after = 0) => {
      state.writeDelayMs = Math.max(0, Math.floor(millis))
      state.writeDelaySkip = Math.max(0, Math.floor(after))
    },
    reset: () => {
      state.putCountdown = undefined
      state.hangPrefix = undefined
      state.leaks.clear()
      state.plexTvDown = false
      state.remoteUnreachable = false
      state.writeDelayMs = 0
      state.writeDelaySkip = 0
      state.logsZipMode = 'zip'
      pinStore.refuse(false)
    },
  }
}
