import type { ApiEvents, PrivacyBridge } from '../../../../electron/common/api/contract'
import type { AppError } from '../../../../electron/common/api/errors'
import type { DiscoveryReport, ServerInfo } from '../../../../electron/common/api/server-schemas'
import type { KnownServer } from '../../../../electron/common/api/settings-schemas'
import type { Result } from '../../../../electron/common/util/result'
import type { SliceCreator } from '../app-state'
import { idle, load, loading, unexpected, type Loadable } from '../loadable'

/** Where the dashboard stands with its server. */
export type ConnectionPhase = 'starting' | 'needsServer' | 'connecting' | 'connected'

/** The server Hush talks to, and the first-run choices. */
export interface ConnectionSlice {
  readonly phase: ConnectionPhase
  readonly server: ServerInfo | null
  /** Whether the last check reached the server; null before the first. */
  readonly reachable: boolean | null
  readonly reachMessage: string | null
  readonly connectError: AppError | null
  readonly discovery: Loadable<DiscoveryReport>
  readonly servers: Loadable<readonly KnownServer[]>
  readonly appStarted: () => Promise<void>
  readonly discoveryRequested: () => Promise<void>
  readonly localConnectRequested: () => Promise<void>
  readonly manualConnectRequested: (url: string, token: string) => Promise<void>
  readonly demoRequested: () => Promise<void>
  readonly serversRequested: () => Promise<void>
  readonly serverChecked: (payload: ApiEvents['server.checked']) => void
  /** A server answered: load what the screens show. */
  readonly serverConnected: (server: ServerInfo) => Promise<void>
  readonly addServerChosen: () => void
  /** Makes another known server the active one. */
  readonly serverSelected: (id: string) => Promise<void>
  readonly addServerCancelled: () => void
}

/** Creates the connection slice. */
export function createConnectionSlice(bridge: PrivacyBridge): SliceCreator<ConnectionSlice> {
  return (set, get) => {
    async function connectWith(call: () => Promise<Result<ServerInfo, AppError>>): Promise<void> {
      set({ phase: 'connecting', connectError: null })
      try {
        const result = await call()
        if (result.ok) {
          await get().serverConnected(result.value)
        } else {
          set({ phase: 'needsServer', connectError: result.error })
        }
      } catch (error) {
        set({ phase: 'needsServer', connectError: unexpected(error) })
      }
    }

    return {
      phase: 'starting',
      server: null,
      reachable: null,
      reachMessage: null,
      connectError: null,
      discovery: idle,
      servers: idle,
      appStarted: async () => {
        const [, servers] = await Promise.all([
          get().settingsRequested(),
          bridge.call('server.list', {}),
          // What Hush told the owner while no dashboard was open (a new destination at night).
          get().ownerNoticesRequested(),
        ])
        set({ servers: { status: 'ready', value: servers } })
        if (servers.length === 0) {
          set({ phase: 'needsServer' })
          return
        }
        // The switchboard names its server: one call both checks the server and reads the
        // switches, which is what the owner opened Hush for.
        await get().switchesRequested()
        const switchboard = get().switchboard
        if (switchboard.status === 'ready') {
          set({
            phase: 'connected',
            server: switchboard.value.server,
            reachable: true,
            reachMessage: null,
          })
          await get().logSummaryRequested()
        } else {
          const message = switchboard.status === 'error' ? switchboard.error.message : null
          set({ phase: 'connected', reachable: false, reachMessage: message })
        }
      },
      discoveryRequested: async () => {
        set({ discovery: loading(get().discovery) })
        set({ discovery: await load(() => bridge.call('server.discover', {})) })
      },
      localConnectRequested: () => connectWith(() => bridge.call('server.connectLocal', {})),
      manualConnectRequested: (url, token) =>
        connectWith(() => bridge.call('server.connect', { url, token })),
      demoRequested: () => connectWith(() => bridge.call('server.connectDemo', {})),
      serversRequested: async () => {
        set({ servers: loading(get().servers) })
        set({ servers: { status: 'ready', value: await bridge.call('server.list', {}) } })
      },
      serverChecked: payload => {
        set({ reachable: payload.reachable, reachMessage: payload.message })
        if (payload.reachable && get().phase === 'connected') {
          // A connect the dashboard did not ask for (the core followed the server to another of
          // its addresses): read where it is now. The switchboard names its server.
          void get()
            .switchesRequested()
            .then(() => {
              const board = get().switchboard
              if (board.status === 'ready') {
                set({ server: board.value.server })
              }
              return get().serversRequested()
            })
        }
      },
      serverConnected: async server => {
        set({ phase: 'connected', server, reachable: true, reachMessage: null, connectError: null })
        // The switches first: they are what the owner came for; the log summary follows.
        await get().switchesRequested()
        await get().logSummaryRequested()
      },
      addServerChosen: () => set({ phase: 'needsServer', connectError: null }),
      serverSelected: async id => {
        await connectWith(() => bridge.call('server.select', { id }))
        await get().serversRequested()
      },
      addServerCancelled: () => set({ phase: get().server ? 'connected' : 'needsServer' }),
    }
  }
}
