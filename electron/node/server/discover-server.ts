import type { AppError } from '../../common/api/errors'
import type { DiscoveryReport } from '../../common/api/server-schemas'
import { ok, type Result } from '../../common/util/result'
import { createPlexClient } from './plex-client'
import {
  defaultServerUrl,
  findLocalServerFor,
  httpConfigFor,
  type ConnectionRequest,
} from './resolve-connection'
import { serverOrigin } from './server-url'
import { explicitToken, tokenHint } from './token-source'

/**
 * What `hush discover` reports: the data folder, the stored identity, whether a token was found
 * (never the token), and whether the server answers. Only a malformed Preferences.xml or server
 * address fails.
 */
export async function discoverServer(
  request: ConnectionRequest,
): Promise<Result<DiscoveryReport, AppError>> {
  const local = await findLocalServerFor(request)
  if (!local.ok) {
    return local
  }
  const stored = local.value.preferences
  const given = await explicitToken(request)
  if (!given.ok) {
    return given
  }
  const token = given.value?.token ?? stored?.token ?? null
  const origin = serverOrigin(request.server ?? request.env.HUSH_SERVER ?? defaultServerUrl)
  if (!origin.ok) {
    return origin
  }
  const serverUrl = origin.value
  const client = createPlexClient(await httpConfigFor(request, serverUrl, token))
  const report: DiscoveryReport = {
    dataDir: local.value.dataDir,
    preferencesFile:
      local.value.preferencesFile ?? (stored && stored.source !== 'file' ? stored.location : null),
    machineIdentifier: stored?.machineIdentifier ?? null,
    tokenFound: token !== null,
    serverUrl,
    reachable: false,
    friendlyName: stored?.friendlyName ?? null,
    version: null,
    problem: null,
  }
  const identity = await client.identity()
  if (!identity.ok) {
    return ok({ ...report, problem: identity.error.message })
  }
  const answered: DiscoveryReport = {
    ...report,
    reachable: true,
    version: identity.value.version,
    machineIdentifier: identity.value.machineIdentifier,
  }
  const root = await client.root()
  if (!root.ok) {
    const problem =
      root.error.kind === 'unauthorized'
        ? token
          ? 'the server refused the token (401)'
          : `no token found: give it in ${tokenHint}, or pass --data-dir with the server data folder`
        : root.error.message
    return ok({ ...answered, problem })
  }
  return ok({ ...answered, friendlyName: root.value.friendlyName || answered.friendlyName })
}
