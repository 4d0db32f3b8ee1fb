import type { ServerInfo } from '../../common/api/server-schemas'
import { findLocalServerFor, type ConnectionRequest } from './resolve-connection'

/**
 * The data folder (Logs/, Crash Reports/) of a connected server when it is on this machine:
 * the folder the request names (`--data-dir`), or the discovered local one when its machine
 * identifier is the server's. Null otherwise: another server's log must never be read as this one's.
 */
export async function serverDataDir(
  request: ConnectionRequest,
  server: ServerInfo,
): Promise<string | null> {
  const local = await findLocalServerFor(request)
  if (!local.ok || local.value.dataDir === null) {
    return null
  }
  const named = request.dataDir !== undefined
  const same = local.value.preferences?.machineIdentifier === server.machineIdentifier
  return named || same ? local.value.dataDir : null
}
