import type { AppError } from '../common/api/errors'
import { ok, type Result } from '../common/util/result'
import { defaultTimeoutMs, findLocalServerFor } from '../node/server/resolve-connection'
import {
  openSwitchboard,
  switchboardRequestFrom,
  type OpenSwitchboard,
} from '../node/switches/open-switchboard'
import { integerOption, type CommandContext } from './command'

/** A proven connection, its switch engine, and the server's data folder when Hush can read it. */
export interface CommandConnection extends OpenSwitchboard {
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
  const request = switchboardRequestFrom(context.options, context.io.env, {
    timeoutMs: integerOption(context, 'timeout', defaultTimeoutMs),
    signal: context.io.signal,
  })
  const board = await openSwitchboard(request)
  if (!board.ok) {
    return board
  }
  const local = await findLocalServerFor(request)
  const sameServer =
    local.ok &&
    local.value.dataDir !== null &&
    (request.dataDir !== undefined ||
      local.value.preferences?.machineIdentifier === board.value.connection.info.machineIdentifier)
  return ok({ ...board.value, dataDir: sameServer && local.ok ? local.value.dataDir : null })
}
