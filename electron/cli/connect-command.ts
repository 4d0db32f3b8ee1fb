import type { AppError } from '../common/api/errors'
import { ok, type Result } from '../common/util/result'
import { connectionRequestFrom } from '../node/server/connection-request'
import {
  defaultTimeoutMs,
  findLocalServerFor,
  resolveConnection,
  type Connection,
} from '../node/server/resolve-connection'
import { integerOption, type CommandContext } from './command'

/** A proven connection plus the server's data folder when Hush can read it. */
export interface CommandConnection {
  readonly connection: Connection
  /** The server's data folder (Logs/, Crash Reports/), or null when it is not on this machine. */
  readonly dataDir: string | null
}

/**
 * Connects a command to its server from the common options, and finds the server's data folder:
 * `--data-dir`, or the discovered local folder when its machine identifier is the server's.
 */
export async function connectCommand(
  context: CommandContext,
): Promise<Result<CommandConnection, AppError>> {
  const request = connectionRequestFrom(context.options, context.io.env, {
    timeoutMs: integerOption(context, 'timeout', defaultTimeoutMs),
    signal: context.io.signal,
  })
  const connection = await resolveConnection(request)
  if (!connection.ok) {
    return connection
  }
  const local = await findLocalServerFor(request)
  const sameServer =
    local.ok &&
    local.value.dataDir !== null &&
    (request.dataDir !== undefined ||
      local.value.preferences?.machineIdentifier === connection.value.info.machineIdentifier)
  return ok({
    connection: connection.value,
    dataDir: sameServer && local.ok ? local.value.dataDir : null,
  })
}
