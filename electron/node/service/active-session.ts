import type { AppError } from '../../common/api/errors'
import type { Language } from '../../common/i18n/localized-text'
import { switchCatalog } from '../../common/switches/catalog'
import { ok, type Result } from '../../common/util/result'
import { createPlexAccountClient, type PlexAccountClient } from '../account/plex-account-client'
import { readingsRecorder } from '../observations/record-readings'
import { openStateObservations } from '../observations/state-observations'
import { createSwitchEngine, type SwitchEngine } from '../switches/switch-engine'
import { openSwitchStore, type SwitchStore } from '../switches/switch-store'
import type { ActiveServer, ServerConnections } from './server-connections'

/**
 * A session: the active server with everything the core uses on it (its switch engine, Hush's
 * switch files, the plex.tv account), for as long as that connection lasts.
 */
export interface ActiveSession {
  readonly server: ActiveServer
  readonly engine: SwitchEngine
  readonly store: SwitchStore
  /** The plex.tv account API, or null when there is no token to ask it with. */
  readonly account: PlexAccountClient | null
  /** Hush's state folder. */
  readonly stateDir: string
}

/** The session of the active server, opened on first use; an AppError when there is none. */
export type SessionSource = () => Promise<Result<ActiveSession, AppError>>

/** What sessions are opened from. */
export interface SessionDeps {
  readonly servers: Pick<ServerConnections, 'active'>
  readonly stateDir: string
  /** The plex.tv API for a server's account switches (the demo serves its own). */
  readonly accountUrl: (server: ActiveServer) => Result<string, AppError>
  readonly language: () => Language
  /** Runs once when a server's session first opens, before anything uses it. */
  readonly onOpen?: (session: ActiveSession) => Promise<void>
}

/**
 * Opens (and keeps, per connection) the session of the active server. A change of language
 * builds the engine again (its plans and messages speak it) without opening the session anew.
 * The account client uses the server's token: the owner's token is also the plex.tv one.
 */
export function createSessions(deps: SessionDeps): SessionSource {
  let cached:
    | {
        readonly server: ActiveServer
        readonly language: Language
        readonly session: Promise<Result<ActiveSession, AppError>>
      }
    | undefined

  async function open(
    server: ActiveServer,
    language: Language,
    first: boolean,
  ): Promise<Result<ActiveSession, AppError>> {
    const { connection } = server
    const accountUrl = deps.accountUrl(server)
    if (!accountUrl.ok) {
      return accountUrl
    }
    const account =
      connection.http.token === null
        ? null
        : createPlexAccountClient({ ...connection.http, baseUrl: accountUrl.value })
    const store = openSwitchStore(deps.stateDir)
    const session: ActiveSession = {
      server,
      store,
      account,
      stateDir: deps.stateDir,
      engine: createSwitchEngine({
        client: connection.client,
        account,
        catalog: switchCatalog,
        store,
        server: connection.info,
        language,
        recordReadings: readingsRecorder(
          openStateObservations(deps.stateDir),
          connection.client,
          connection.info.machineIdentifier,
        ),
      }),
    }
    if (first) {
      await deps.onOpen?.(session)
    }
    return ok(session)
  }

  return () => {
    const active = deps.servers.active()
    if (!active.ok) {
      return Promise.resolve(active)
    }
    const language = deps.language()
    if (cached?.server === active.value && cached.language === language) {
      return cached.session
    }
    const first = cached?.server !== active.value
    cached = { server: active.value, language, session: open(active.value, language, first) }
    return cached.session
  }
}

/** Runs `work` on the active session, or answers why there is none. */
export async function withSession<T>(
  session: SessionSource,
  work: (session: ActiveSession) => Promise<Result<T, AppError>>,
): Promise<Result<T, AppError>> {
  const active = await session()
  return active.ok ? work(active.value) : active
}
