import type { ApiEvents } from '../../common/api/contract'
import { appError, type AppError } from '../../common/api/errors'
import type { EventHub } from '../../common/util/event-hub'
import { err, ok, type Result } from '../../common/util/result'
import {
  resolveConnection,
  type Connection,
  type ConnectionRequest,
} from '../server/resolve-connection'
import { givenTokens } from '../server/token-source'
import { createServerFollower, type FollowServerDeps } from './follow-server'
import {
  readKnownServers,
  rememberServer,
  serverTokenKey,
  type KnownServerRecord,
} from './known-servers'
import type { NamedServer, RequestLimits, SecretStore } from './ports'

/** A demo server the core started in-process. */
export interface StartedDemo {
  readonly url: string
  readonly token: string
  readonly dataDir: string
}

/**
 * Starts the built-in demo server on first use, and stops it. The core never imports the demo
 * (electron/demo): each face that offers it passes one in.
 */
export interface DemoStarter {
  readonly start: () => Promise<StartedDemo>
  readonly close: () => Promise<void>
}

/** The server Hush is talking to now. */
export interface ActiveServer {
  readonly record: KnownServerRecord
  readonly connection: Connection
}

/** What the server connections need. */
export interface ServerConnectionsDeps {
  readonly stateDir: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly secrets: SecretStore
  readonly events: EventHub<ApiEvents>
  /** Starts (or returns the already running) in-process demo server; absent: no demo. */
  readonly startDemo?: () => Promise<StartedDemo>
  readonly named?: NamedServer
  readonly limits?: RequestLimits
  /** Asks plex.tv again for one of the owner's servers and chooses its address anew. */
  readonly chooseAgain?: FollowServerDeps['chooseAgain']
  /** Told when a server found through plex.tv is reached at another address than before. */
  readonly onMoved?: FollowServerDeps['onMoved']
  /** See FollowServerDeps (default: false). */
  readonly preferCloser?: boolean
}

/** Where a connected server's files are, and whether it is the demo. */
export interface ServerPlace {
  readonly demo: boolean
  readonly dataDir: string | null
  /** How Hush reaches a server it found through plex.tv. */
  readonly via?: KnownServerRecord['via']
}

/** Which server is active, and how Hush gets there. */
export interface ServerConnections {
  /** A request with the host's limits (timeout, Ctrl-C), without its environment. */
  readonly request: (extra: Partial<ConnectionRequest>) => ConnectionRequest
  /** The request for the server the host names: its options, then its environment. */
  readonly namedRequest: (dataDir?: string) => ConnectionRequest
  /**
   * Makes a proven connection the active one; with `remember` its token is kept and it joins the
   * list of servers (the next start reconnects to it). Tells `server.checked` either way.
   */
  readonly activate: (
    connection: Result<Connection, AppError>,
    token: string | null,
    place: ServerPlace,
    remember: boolean,
  ) => Promise<Result<ActiveServer, AppError>>
  readonly connectDemo: () => Promise<Result<ActiveServer, AppError>>
  /** Connects again to a known server: the demo, or with its kept token. */
  readonly reconnect: (record: KnownServerRecord) => Promise<Result<ActiveServer, AppError>>
  /** The active server, or an AppError saying why there is none. */
  readonly active: () => Result<ActiveServer, AppError>
  /** Re-connects to the server that was active when Hush last ran, if it can. */
  readonly restore: () => Promise<void>
  /**
   * The active server failed with `failure`: when Hush found it through plex.tv and the failure
   * says it may be elsewhere (a laptop that left home), its addresses are chosen again and the one
   * that answers becomes active. Answers the active server, or why none answers.
   */
  readonly follow: (failure: AppError) => Promise<Result<ActiveServer, AppError>>
  /** A closer address for a server reached from outside, if one answers now (ServerFollower). */
  readonly improve: () => Promise<ActiveServer | undefined>
  /** The computer joined another network: look for where the server answers now (ServerFollower). */
  readonly networkChanged: () => Promise<void>
  /** Stops following the server (the core is closing), once a choice under way has ended. */
  readonly close: () => Promise<void>
  /** Called with the new active server after every successful connect. */
  readonly onConnected: (listener: (server: ActiveServer) => void) => () => void
}

/** Creates the server connections of one core. */
export function createServerConnections(deps: ServerConnectionsDeps): ServerConnections {
  let current: ActiveServer | undefined
  const listeners = new Set<(server: ActiveServer) => void>()
  const named = deps.named ?? {}
  const request = (extra: Partial<ConnectionRequest>): ConnectionRequest => ({
    stateDir: deps.stateDir,
    env: {},
    timeoutMs: deps.limits?.timeoutMs,
    signal: deps.limits?.signal,
    ...extra,
  })

  async function activate(
    connection: Result<Connection, AppError>,
    token: string | null,
    place: ServerPlace,
    remember: boolean,
  ): Promise<Result<ActiveServer, AppError>> {
    if (!connection.ok) {
      deps.events.emit('server.checked', { reachable: false, message: connection.error.message })
      return connection
    }
    const { info } = connection.value
    const record: KnownServerRecord = {
      id: info.machineIdentifier,
      url: info.url,
      name: info.friendlyName || info.url,
      ...place,
      via: place.via ?? null,
    }
    if (remember) {
      if (token === null) {
        return err(appError('tokenNotFound', 'the local server needs a token'))
      }
      await deps.secrets.set(serverTokenKey(record.id), token)
      await rememberServer(deps.stateDir, record)
    }
    const server: ActiveServer = { record, connection: connection.value }
    current = server
    listeners.forEach(listener => listener(server))
    deps.events.emit('server.checked', { reachable: true, message: null })
    return ok(server)
  }

  async function connectDemo(): Promise<Result<ActiveServer, AppError>> {
    if (!deps.startDemo) {
      return err(appError('invalidInput', 'this Hush has no demo server'))
    }
    const demo = await deps.startDemo()
    const connection = await resolveConnection(request({ server: demo.url, token: demo.token }))
    return activate(connection, demo.token, { demo: true, dataDir: demo.dataDir }, true)
  }

  const follower = createServerFollower({
    secrets: deps.secrets,
    request,
    activate,
    current: () => current,
    chooseAgain: deps.chooseAgain,
    onMoved: deps.onMoved,
    preferCloser: deps.preferCloser ?? false,
  })

  async function reconnect(record: KnownServerRecord): Promise<Result<ActiveServer, AppError>> {
    if (record.demo) {
      return connectDemo()
    }
    const token = await deps.secrets.get(serverTokenKey(record.id))
    if (token) {
      if (record.via !== null) {
        return follower.reconnect(record, token)
      }
      const connection = await resolveConnection(
        request({ server: record.url, token, tokenGiven: givenTokens.kept }),
      )
      const place = { demo: false, dataDir: record.dataDir, via: record.via }
      return activate(connection, token, place, true)
    }
    return err(
      appError(
        'tokenNotFound',
        `Hush no longer has the token of ${record.name}; add the server again with its address and token`,
      ),
    )
  }

  return {
    request,
    namedRequest: dataDir =>
      request({
        env: deps.env,
        server: named.server,
        token: named.token,
        tokenFile: named.tokenFile,
        dataDir: dataDir ?? named.dataDir,
      }),
    activate,
    connectDemo,
    reconnect,
    active: () =>
      current ? ok(current) : err(appError('unreachable', 'no server is connected yet')),
    follow: follower.follow,
    improve: follower.improve,
    networkChanged: follower.networkChanged,
    close: follower.close,
    restore: async () => {
      const known = await readKnownServers(deps.stateDir)
      const record = known.servers.find(server => server.id === known.activeId)
      if (record) {
        await reconnect(record)
      }
    },
    onConnected: listener => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
