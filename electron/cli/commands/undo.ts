import { formatApplied } from '../../node/switches/format-switches'
import { exitCode, fail, flagOption, printJson, type Command } from '../command'
import { openChangingBoard } from '../connect-command'

/** `hush undo`: restores the values from before the last apply or set; repeat to go further back. */
export const undoCommand: Command = {
  name: 'undo',
  summary: 'Restore the server as it was before the last apply or set (repeat to go further back)',
  usage: '[--force] [--json]',
  options: { json: { type: 'boolean' }, force: { type: 'boolean' } },
  connects: true,
  async run(context) {
    const { io } = context
    const board = await openChangingBoard(context)
    if (!board.ok) {
      return fail(io, board.error.message)
    }
    const report = await board.value.engine.undoLast({
      force: flagOption(context, 'force'),
      signal: io.signal,
    })
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
