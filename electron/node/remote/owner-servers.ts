import type { OwnerServer } from '../../common/api/remote-schemas'
import { ok, type Result } from '../../common/util/result'
import type { AppError } from '../../common/api/errors'
import type { PlexAccountClient } from '../account/plex-account-client'
import type { RemoteAccount } from './remote-account'
import { createPlexClient } from '../server/plex-client'
import type { PlexHttpConfig } from '../server/plex-http'
import { chooseConnection, type ConnectionChoice } from './choose-connection'

/** One of the owner's servers, with the token to connect to it (kept in the core). */
export interface FoundServer {
  readonly view: Omit<OwnerServer, 'active'>
  /** The server's access token from plex.tv; null when plex.tv gave none. */
  readonly token: string | null
}

/** How long one address may take to answer before Hush tries the next. */
export const probeTimeoutMs = 4000

function viewOf(
  id: string,
  name: string,
  owned: boolean,
  choice: ConnectionChoice,
): Omit<OwnerServer, 'active'> {
  return {
    id,
    name,
    owned,
    reachable: choice.reachable,
    connection: choice.reachable
      ? { uri: choice.uri, kind: choice.kind, secure: choice.secure }
      : null,
    reason: choice.reason,
    tried: choice.tried.map(tried => ({
      uri: tried.uri,
      kind: tried.kind,
      secure: tried.secure,
      outcome: typeof tried.outcome === 'object' ? 'failed' : tried.outcome,
      reason:
        tried.outcome === 'skipped'
          ? 'plain http, and the server requires secure connections'
          : typeof tried.outcome === 'object'
            ? tried.outcome.failed
            : null,
    })),
  }
}

/**
 * The owner's servers from plex.tv resources (reference §5.6), each with the connection Hush
 * would use and why: an address counts only when it answers `/identity` as that very server.
 */
export async function findOwnerServers(
  account: PlexAccountClient,
  http: (baseUrl: string, token: string | null) => PlexHttpConfig,
  only?: string,
): Promise<Result<FoundServer[], AppError>> {
  const resources = await account.resources()
  if (!resources.ok) {
    return resources
  }
  const tokens = await account.serverTokens()
  if (!tokens.ok) {
    return tokens
  }
  const servers = resources.value.filter(
    r =>
      (r.provides ?? '').split(',').includes('server') &&
      (only === undefined || r.clientIdentifier === only),
  )
  return ok(
    await Promise.all(
      servers.map(async server => {
        const token = tokens.value.get(server.clientIdentifier) ?? null
        const choice = await chooseConnection(server, async uri => {
          const identity = await createPlexClient({
            ...http(uri, token),
            timeoutMs: probeTimeoutMs,
          }).identity()
          if (!identity.ok) {
            return identity.error.message.replace(/^GET \S+: /, '')
          }
          return identity.value.machineIdentifier === server.clientIdentifier
            ? null
            : 'another server answered there'
        })
        return { view: viewOf(server.clientIdentifier, server.name, server.owned, choice), token }
      }),
    ),
  )
}

/**
 * The servers of the signed-in account (only the one with id `only`, when given), each probed
 * with Hush's headers.
 */
export async function findAccountServers(
  account: RemoteAccount,
  http: (baseUrl: string, token: string | null) => Promise<PlexHttpConfig>,
  only?: string,
): Promise<Result<FoundServer[], AppError>> {
  const client = await account.client()
  if (!client.ok) {
    return client
  }
  // Every probe carries the same headers; the first call reads the client identifier once.
  const base = await http('http://127.0.0.1', null)
  return findOwnerServers(client.value, (baseUrl, token) => ({ ...base, baseUrl, token }), only)
}
