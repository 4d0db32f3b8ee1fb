import type { AccountResource } from '../account/account-schemas'
import { isLocalHost, urlParts } from '../../common/outbound/url-parts'

/** How a connection reaches the server. */
export type ConnectionKind = 'local' | 'remote' | 'relay'

/** One address of a server, as plex.tv lists it, and what trying it found. */
export interface TriedConnection {
  readonly uri: string
  readonly kind: ConnectionKind
  readonly secure: boolean
  /** `answered`, `skipped` (plain http where the server requires https), or why it failed. */
  readonly outcome: 'answered' | 'skipped' | { readonly failed: string }
}

/** The connection chosen for a server, every one tried on the way, and why. */
export type ConnectionChoice =
  | {
      readonly reachable: true
      readonly uri: string
      readonly kind: ConnectionKind
      readonly secure: boolean
      readonly reason: string
      readonly tried: readonly TriedConnection[]
    }
  | {
      readonly reachable: false
      readonly reason: string
      readonly tried: readonly TriedConnection[]
    }

/** Whether a server answers at a base URL as itself: resolves to null, or why not. */
export type ProbeConnection = (uri: string) => Promise<string | null>

const kindRank: Readonly<Record<ConnectionKind, number>> = { local: 0, remote: 1, relay: 2 }

function kindOf(connection: AccountResource['connections'][number]): ConnectionKind {
  return connection.relay ? 'relay' : connection.local ? 'local' : 'remote'
}

function isSecure(uri: string): boolean {
  return uri.toLowerCase().startsWith('https://')
}

/**
 * The order connections are tried in: local before remote before relay (a relay is limited in
 * bandwidth and only a last resort, reference §6.1), and within each, https before http.
 */
export function connectionOrder(
  connections: AccountResource['connections'],
): AccountResource['connections'] {
  return [...connections].sort(
    (a, b) =>
      kindRank[kindOf(a)] - kindRank[kindOf(b)] ||
      Number(isSecure(b.uri)) - Number(isSecure(a.uri)),
  )
}

/**
 * Chooses how to reach a server: tries its connections in order and takes the first that answers
 * as that server. When the server requires secure connections, plain http is skipped — except on
 * loopback, which the server itself still allows (reference §1.3, `secureConnections`).
 */
export async function chooseConnection(
  resource: Pick<AccountResource, 'connections' | 'httpsRequired'>,
  probe: ProbeConnection,
): Promise<ConnectionChoice> {
  const tried: TriedConnection[] = []
  for (const connection of connectionOrder(resource.connections)) {
    const kind = kindOf(connection)
    const secure = isSecure(connection.uri)
    const host = urlParts(connection.uri).host
    const loopback = host === 'localhost' || host.startsWith('127.') || host === '::1'
    if (resource.httpsRequired && !secure && !loopback) {
      tried.push({ uri: connection.uri, kind, secure, outcome: 'skipped' })
      continue
    }
    const failure = await probe(connection.uri)
    if (failure === null) {
      tried.push({ uri: connection.uri, kind, secure, outcome: 'answered' })
      const earlier = tried.length - 1
      const near = kind === 'local' && isLocalHost(host)
      const why = `${kind}${secure ? ', secure' : near ? ', on this network' : ''}`
      return {
        reachable: true,
        uri: connection.uri,
        kind,
        secure,
        reason:
          earlier === 0
            ? `the first address plex.tv lists (${why}) answered`
            : `${why}; ${earlier} address(es) before it did not answer or were not allowed`,
        tried,
      }
    }
    tried.push({ uri: connection.uri, kind, secure, outcome: { failed: failure } })
  }
  const reasons = tried.map(t =>
    t.outcome === 'skipped'
      ? `${t.uri}: plain http, and the server requires secure connections`
      : typeof t.outcome === 'object'
        ? `${t.uri}: ${t.outcome.failed}`
        : t.uri,
  )
  return {
    reachable: false,
    reason:
      tried.length === 0
        ? 'plex.tv lists no address for this server'
        : `no address answered (${reasons.join('; ')})`,
    tried,
  }
}
