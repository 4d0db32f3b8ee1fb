import { appError, type AppError } from '../../common/api/errors'
import { err, ok, type Result } from '../../common/util/result'
import type { FoundServer } from '../remote/owner-servers'
import { resolveConnection, type ConnectionRequest } from '../server/resolve-connection'
import { givenTokens } from '../server/token-source'
import { serverTokenKey, type KnownServerRecord } from './known-servers'
import type { SecretStore } from './ports'
import type { ActiveServer, ServerConnections } from './server-connections'

/** A server found through plex.tv that Hush now reaches at another of its addresses. */
export interface ServerMove {
  readonly server: string
  /** Host and port of the address before, and of the one Hush uses now. */
  readonly from: string
  readonly to: string
  readonly via: NonNullable<KnownServerRecord['via']>
  /** `lost`: the old address stopped answering; `better`: a closer one answers again. */
  readonly why: 'lost' | 'better'
}

/** What following a server needs from its connections. */
export interface FollowServerDeps {
  readonly secrets: SecretStore
  readonly request: (extra: Partial<ConnectionRequest>) => ConnectionRequest
  readonly activate: ServerConnections['activate']
  readonly current: () => ActiveServer | undefined
  /** Asks plex.tv again for one of the owner's servers and chooses its address anew. */
  readonly chooseAgain?: (serverId: string) => Promise<Result<FoundServer[], AppError>>
  readonly onMoved?: (move: ServerMove) => void
  /**
   * Whether a reconnect to a server last reached from outside first asks plex.tv whether a closer
   * address answers (a resident core, once at start); a command uses the last address first, so
   * that it does not pay for the lookup and the probes of dead addresses each time it runs.
   */
  readonly preferCloser: boolean
}

/** Follows a server found through plex.tv from one of its addresses to another. */
export interface ServerFollower {
  /** The active server failed with `failure`: choose its address again (see ServerConnections). */
  readonly follow: (failure: AppError) => Promise<Result<ActiveServer, AppError>>
  /**
   * Connects to a known server found through plex.tv: by a fresh choice first when it was last
   * reached from outside and closer addresses are preferred (a laptop back home takes its LAN
   * address again), else at its address, and by a fresh choice when that does not answer.
   */
  readonly reconnect: (
    record: KnownServerRecord,
    token: string,
  ) => Promise<Result<ActiveServer, AppError>>
  /**
   * When the active server is reached from outside (by Remote Access or relay), chooses again in
   * case a closer address answers now (the laptop came home); answers the server to use. Runs
   * before each log pull: through a relay, Hush pulls nothing.
   */
  readonly improve: () => Promise<ActiveServer | undefined>
  /**
   * The computer joined another network: a server reached from outside may have a closer address
   * now (improve), and one reached on the LAN may be gone, which a check of its identity shows at
   * once rather than at the drift watch's next poll (follow).
   */
  readonly networkChanged: () => Promise<void>
  /** Follows no more, once a choice under way has ended (the core is closing). */
  readonly close: () => Promise<void>
}

/** The failures that can mean the server is elsewhere now, not that it refused Hush. */
const lostKinds: ReadonlySet<AppError['kind']> = new Set(['unreachable', 'timeout', 'tls'])

/** Whether a failure is one after which a server's other addresses are worth trying. */
function isLostConnection(error: AppError): boolean {
  return lostKinds.has(error.kind)
}

/** A server that stays away is looked up at plex.tv at most once in this time. */
const chooseAgainSpacingMs = 60_000

const hostOf = (url: string) => new URL(url).host

/** Creates the follower of one core's server connections. */
export function createServerFollower(deps: FollowServerDeps): ServerFollower {
  let following: Promise<Result<ActiveServer, AppError>> | undefined
  let closed = false
  let lastFailed:
    { at: number; server: ActiveServer; result: Result<ActiveServer, AppError> } | undefined

  /**
   * Chooses the address of a server again; `failure` is what its own address answered, if tried.
   * When the choice is where `kept` already is, that connection stays as it is.
   */
  async function chooseAgain(
    record: KnownServerRecord,
    token: string,
    failure: AppError | null,
    kept?: ActiveServer,
  ): Promise<Result<ActiveServer, AppError>> {
    const failed = (why: string) =>
      err(
        failure === null
          ? appError('unreachable', `${record.name}: ${why}`)
          : appError(
              failure.kind,
              `${record.name} did not answer at ${record.url} (${failure.message}); ${why}`,
            ),
      )
    const found = deps.chooseAgain ? await deps.chooseAgain(record.id) : undefined
    if (found === undefined || !found.ok) {
      const why = found ? `: ${found.error.message}` : ''
      return failed(`Hush could not ask plex.tv for its other addresses${why}`)
    }
    const server = found.value[0]
    if (server === undefined) {
      return failed('plex.tv no longer lists it on the account')
    }
    if (server.view.connection === null) {
      // plex.tv's addresses, each with why it did not answer.
      return failed(server.view.reason)
    }
    const { uri, kind } = server.view.connection
    if (kept !== undefined && kept.record.url === uri) {
      return ok(kept)
    }
    const use = server.token ?? token
    const connection = await resolveConnection(
      deps.request({
        server: uri,
        token: use,
        tokenGiven: server.token ? givenTokens.plexTv : givenTokens.kept,
      }),
    )
    const place = { demo: false, dataDir: record.dataDir, via: kind }
    const moved = await deps.activate(connection, use, place, true)
    if (moved.ok && uri !== record.url) {
      deps.onMoved?.({
        server: moved.value.record.name,
        from: hostOf(record.url),
        to: hostOf(uri),
        via: kind,
        why: failure === null ? 'better' : 'lost',
      })
    }
    return moved
  }

  /**
   * Chooses the active server's address again (see chooseAgain); one choice at a time, which
   * every caller meanwhile (the drift watch, a pull, a check) waits for.
   */
  function chooseFor(
    server: ActiveServer,
    failure: AppError | null,
  ): Promise<Result<ActiveServer, AppError>> {
    following ??= (async () => {
      const token = await deps.secrets.get(serverTokenKey(server.record.id))
      if (token === undefined) {
        return err(
          failure ?? appError('tokenNotFound', `Hush has no token for ${server.record.name}`),
        )
      }
      // Looking for a closer address keeps the connection when the choice is where it is.
      return chooseAgain(server.record, token, failure, failure === null ? server : undefined)
    })().finally(() => (following = undefined))
    return following
  }

  const follow = async (failure: AppError): Promise<Result<ActiveServer, AppError>> => {
    const server = deps.current()
    if (
      closed ||
      server === undefined ||
      server.record.via === null ||
      !isLostConnection(failure)
    ) {
      return err(failure)
    }
    if (lastFailed?.server === server && Date.now() - lastFailed.at < chooseAgainSpacingMs) {
      return lastFailed.result
    }
    const result = await chooseFor(server, failure)
    lastFailed = result.ok ? undefined : { at: Date.now(), server, result }
    return result
  }
  const improve = async (): Promise<ActiveServer | undefined> => {
    const server = deps.current()
    if (
      closed ||
      server === undefined ||
      (server.record.via !== 'remote' && server.record.via !== 'relay')
    ) {
      return server
    }
    const chosen = await chooseFor(server, null)
    // Nothing closer answers, or plex.tv cannot be asked: the server stays where it answers.
    return chosen.ok ? chosen.value : server
  }

  return {
    follow,
    improve,
    networkChanged: async () => {
      const server = deps.current()
      if (closed || server === undefined || server.record.via === null) {
        return
      }
      if (server.record.via !== 'local') {
        await improve()
        return
      }
      const identity = await server.connection.client.identity()
      if (!identity.ok) {
        await follow(identity.error)
      }
    },
    close: async () => {
      closed = true
      await following
    },
    reconnect: async (record, token) => {
      let chosen = false
      if (deps.preferCloser && (record.via === 'remote' || record.via === 'relay')) {
        chosen = true
        const better = await chooseAgain(record, token, null)
        if (better.ok) {
          return better
        }
      }
      const connection = await resolveConnection(
        deps.request({ server: record.url, token, tokenGiven: givenTokens.kept }),
      )
      if (!connection.ok && !chosen && isLostConnection(connection.error)) {
        const moved = await chooseAgain(record, token, connection.error)
        if (moved.ok) {
          return moved
        }
        // Nothing is remembered: the next start tries the same address first again.
        return deps.activate(moved, token, { demo: false, dataDir: null }, false)
      }
      const place = { demo: false, dataDir: record.dataDir, via: record.via }
      return deps.activate(connection, token, place, true)
    },
  }
}
