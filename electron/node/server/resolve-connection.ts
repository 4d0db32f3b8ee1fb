import { homedir } from 'node:os'
import { appError, type AppError } from '../../common/api/errors'
import type { ServerInfo } from '../../common/api/server-schemas'
import { err, ok, type Result } from '../../common/util/result'
import { runCommand, type CommandRunner } from './discovery/command-runner'
import { findLocalServer, type LocalServer } from './discovery/find-local-server'
import { createPlexClient, type PlexClient } from './plex-client'
import { loadClientIdentifier, plexIdentificationHeaders } from './plex-headers'
import type { PlexHttpConfig } from './plex-http'
import { serverOrigin } from './server-url'
import { explicitToken, tokenHint, type GivenToken } from './token-source'

/** The local server's usual address. */
export const defaultServerUrl = 'http://127.0.0.1:32400'

/** How long one request may take unless `--timeout` says otherwise. */
export const defaultTimeoutMs = 10_000

/** Where to connect: explicit options first, then the environment, then discovery. */
export interface ConnectionRequest {
  /** `--server URL` (else `HUSH_SERVER`, else the local server). */
  readonly server?: string
  /** `--token T` (else `--token-file`, `HUSH_TOKEN`, the token in the server's stored preferences). */
  readonly token?: string
  /** How `token` was given when not by `--token`: one of `givenTokens` (token-source.ts). */
  readonly tokenGiven?: string
  /** `--token-file PATH`: a file holding the token, so that it is not on the command line. */
  readonly tokenFile?: string
  /** `--data-dir DIR`: the server's data folder. */
  readonly dataDir?: string
  readonly timeoutMs?: number
  /** Hush's state folder (holds the client identifier). */
  readonly stateDir: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly platform?: NodeJS.Platform
  readonly home?: string
  readonly runCommand?: CommandRunner
  readonly fetch?: typeof fetch
  readonly signal?: AbortSignal
}

/** A validated connection to one server. */
export interface Connection {
  readonly client: PlexClient
  readonly info: ServerInfo
  /** The request settings, token included: for the account client; never print it. */
  readonly http: PlexHttpConfig
  /** Whether the URL and token came from options/environment or from discovery. */
  readonly source: 'options' | 'discovery'
}

/** The HTTP settings for a URL and token, with Hush's identification headers. */
export async function httpConfigFor(
  request: ConnectionRequest,
  baseUrl: string,
  token: string | null,
): Promise<PlexHttpConfig> {
  const clientIdentifier = await loadClientIdentifier(request.stateDir)
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    token,
    timeoutMs: request.timeoutMs ?? defaultTimeoutMs,
    headers: plexIdentificationHeaders(clientIdentifier),
    fetch: request.fetch,
    signal: request.signal,
  }
}

/** Finds the local server's data folder (and stored token) for a request. */
export function findLocalServerFor(
  request: ConnectionRequest,
): Promise<Result<LocalServer, AppError>> {
  return findLocalServer({
    dataDir: request.dataDir,
    platform: request.platform ?? process.platform,
    env: request.env,
    home: request.home ?? homedir(),
    runCommand: request.runCommand ?? runCommand,
  })
}

/** What to check when the server refuses a token: how it was given, or the server's own. */
function refusedTokenHint(given: GivenToken | null): string {
  return given
    ? `check ${given.given}`
    : `it was the one in the server's Preferences.xml; give another in ${tokenHint}`
}

/**
 * Resolves the server to talk to and proves it: `/identity` must answer like a PMS (else
 * unreachable, timeout, tls or notPlex), and one authenticated call must accept the token (else
 * unauthorized). Every failure is a one-line AppError without the token in it.
 */
export async function resolveConnection(
  request: ConnectionRequest,
): Promise<Result<Connection, AppError>> {
  const explicitUrl = request.server ?? request.env.HUSH_SERVER
  const given = await explicitToken(request)
  if (!given.ok) {
    return given
  }
  let token = given.value?.token ?? null
  const source = explicitUrl && token ? 'options' : 'discovery'
  if (!token) {
    const local = await findLocalServerFor(request)
    if (!local.ok) {
      return local
    }
    token = local.value.preferences?.token ?? null
  }
  const origin = serverOrigin(explicitUrl ?? defaultServerUrl)
  if (!origin.ok) {
    return origin
  }
  const baseUrl = origin.value
  const http = await httpConfigFor(request, baseUrl, token)
  const client = createPlexClient(http)
  const identity = await client.identity()
  if (!identity.ok) {
    if (!explicitUrl && identity.error.kind === 'unreachable') {
      const reason = identity.error.message.replace(/^GET \S+: /, '')
      return err(
        appError(
          'unreachable',
          `no Plex Media Server answers at ${http.baseUrl} (${reason}); pass --server URL, and its token in ${tokenHint}`,
        ),
      )
    }
    return identity
  }
  const root = await client.root()
  if (!root.ok) {
    if (root.error.kind === 'unauthorized') {
      return err(
        token
          ? appError(
              'unauthorized',
              `the server at ${http.baseUrl} refused the token (401): ${refusedTokenHint(given.value)}`,
            )
          : appError(
              'tokenNotFound',
              `the server at ${http.baseUrl} needs a token: give it in ${tokenHint}, or pass --data-dir with its data folder`,
            ),
      )
    }
    return root
  }
  return ok({
    client,
    http,
    source,
    info: {
      url: http.baseUrl,
      machineIdentifier: identity.value.machineIdentifier,
      version: identity.value.version,
      friendlyName: root.value.friendlyName,
      claimed: identity.value.claimed,
      platform: root.value.platform,
    },
  })
}
