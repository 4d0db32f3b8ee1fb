import { defaultTimeoutMs } from '../../node/server/resolve-connection'
import { formatApplied } from '../../node/switches/format-switches'
import { openSwitchboard, switchboardRequestFrom } from '../../node/switches/open-switchboard'
import { exitCode, fail, flagOption, integerOption, printJson, type Command } from '../command'

/** `hush undo`: restores the values from before the last apply or set; repeat to go further back. */
export const undoCommand: Command = {
  name: 'undo',
  summary: 'Restore the server as it was before the last apply or set (repeat to go further back)',
  usage: '[--force] [--json]',
  options: { json: { type: 'boolean' }, force: { type: 'boolean' } },
  connects: true,
  async run(context) {
    const { io } = context
    const timeoutMs = integerOption(context, 'timeout', defaultTimeoutMs)
    const board = await openSwitchboard(
      switchboardRequestFrom(context.options, io.env, { timeoutMs, signal: io.signal }),
    )
    if (!board.ok) {
      return fail(io, board.error.message)
    }
    for (const note of board.value.notes) {
      io.stderr(`hush: ${note}\n`)
    }
    const report = await board.value.engine.undoLast({ force: flagOption(context, 'force') })
    if (!report.ok) {
      return fail(io, report.error.message)
    }
    for (const warning of board.value.store.warnings()) {
      io.stderr(`hush: warning: ${warning}\n`)
    }
    if (flagOption(context, 'json')) {
      printJson(io, report.value)
    } else {
      io.stdout(`${formatApplied(report.value.applied)}${report.value.message}\n`)
    }
    return exitCode.ok
  },
}
