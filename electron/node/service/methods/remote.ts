import type { PrivacyApi } from '../../../common/api/contract'
import { appError } from '../../../common/api/errors'
import { err, ok } from '../../../common/util/result'
import type { LogPuller } from '../../remote/log-puller'
import { findAccountServers } from '../../remote/owner-servers'
import type { RemoteAccount } from '../../remote/remote-account'
import type { PlexHttpConfig } from '../../server/plex-http'
import { resolveConnection } from '../../server/resolve-connection'
import { givenTokens } from '../../server/token-source'
import { readKnownServers } from '../known-servers'
import type { ServerConnections } from '../server-connections'

type RemoteMethods = Pick<
  PrivacyApi,
  'remote.servers' | 'remote.use' | 'remote.pull' | 'remote.logSource'
>

/** What the `remote.*` methods work with. */
export interface RemoteMethodDeps {
  readonly account: RemoteAccount
  readonly servers: ServerConnections
  readonly puller: LogPuller
  /** Hush's HTTP settings for an address and token. */
  readonly http: (baseUrl: string, token: string | null) => Promise<PlexHttpConfig>
  readonly stateDir: string
}

/** The `remote.*` methods: the owner's servers from plex.tv, picking one, and its log pulls. */
export function createRemoteMethods(deps: RemoteMethodDeps): RemoteMethods {
  const find = () => findAccountServers(deps.account, deps.http)
  return {
    'remote.servers': async () => {
      const found = await find()
      if (!found.ok) {
        return found
      }
      const active = deps.servers.active()
      // A command's core connects to nothing: the active one is the one Hush last used.
      const activeId = active.ok
        ? active.value.record.id
        : (await readKnownServers(deps.stateDir)).activeId
      return ok(found.value.map(({ view }) => ({ ...view, active: activeId === view.id })))
    },
    'remote.use': async ({ server }) => {
      const found = await find()
      if (!found.ok) {
        return found
      }
      const wanted = server.toLowerCase()
      const match =
        found.value.find(({ view }) => view.id === server) ??
        found.value.find(({ view }) => view.name.toLowerCase() === wanted)
      if (match === undefined) {
        const names = found.value.map(({ view }) => view.name).join(', ') || 'none'
        return err(
          appError('invalidInput', `the account has no server “${server}” (its servers: ${names})`),
        )
      }
      const { view, token } = match
      if (view.connection === null) {
        return err(appError('unreachable', `${view.name} is unreachable: ${view.reason}`))
      }
      if (token === null) {
        return err(appError('tokenNotFound', `plex.tv gave no access token for ${view.name}`))
      }
      const connection = await resolveConnection(
        deps.servers.request({
          server: view.connection.uri,
          token,
          tokenGiven: givenTokens.plexTv,
        }),
      )
      const place = { demo: false, dataDir: null, via: view.connection.kind }
      const active = await deps.servers.activate(connection, token, place, true)
      return active.ok ? ok(active.value.connection.info) : active
    },
    'remote.pull': async () => {
      // A command's core pulls from the server Hush last used, connected again with its token.
      if (!deps.servers.active().ok) {
        await deps.servers.restore()
      }
      return deps.puller.pull()
    },
    'remote.logSource': () => deps.puller.source(),
  }
}
