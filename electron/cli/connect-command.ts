import type { AppError } from '../common/api/errors'
import { ok, type Result } from '../common/util/result'
import { defaultTimeoutMs, findLocalServerFor } from '../node/server/resolve-connection'
import {
  openSwitchboard,
  switchboardRequestFrom,
  type OpenSwitchboard,
  type SwitchboardRequest,
} from '../node/switches/open-switchboard'
import { integerOption, type CommandContext } from './command'

/** A proven connection, its switch engine, and the server's data folder when Hush can read it. */
export interface CommandConnection extends OpenSwitchboard {
  /** The server's data folder (Logs/, Crash Reports/), or null when it is not on this machine. */
  readonly dataDir: string | null
}

function requestFor(context: CommandContext, cancelOnCtrlC = true): SwitchboardRequest {
  return switchboardRequestFrom(context.options, context.io.env, {
    timeoutMs: integerOption(context, 'timeout', defaultTimeoutMs),
    signal: cancelOnCtrlC ? context.io.signal : undefined,
  })
}

/**
 * Connects a command to its server from the common options and opens the switch engine; prints
 * the notes of timed exceptions that were reverted on the way.
 */
export async function openCommandBoard(
  context: CommandContext,
  request: SwitchboardRequest = requestFor(context),
): Promise<Result<OpenSwitchboard, AppError>> {
  const board = await openSwitchboard(request)
  if (board.ok) {
    for (const note of board.value.notes) {
      context.io.stderr(`hush: ${note}\n`)
    }
  }
  return board
}

/**
 * openCommandBoard for the commands that change the server (apply, set, undo): Ctrl-C does not
 * cut their requests short, so that a rollback can still be sent; the engine stops between steps
 * instead (pass `context.io.signal` to it), and each request keeps its timeout.
 */
export function openChangingBoard(
  context: CommandContext,
): Promise<Result<OpenSwitchboard, AppError>> {
  return openCommandBoard(context, requestFor(context, false))
}

/**
 * Like openCommandBoard, and finds the server's data folder: `--data-dir`, or the discovered
 * local folder when its machine identifier is the server's.
 */
export async function connectCommand(
  context: CommandContext,
): Promise<Result<CommandConnection, AppError>> {
  const request = requestFor(context)
  const board = await openCommandBoard(context, request)
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
