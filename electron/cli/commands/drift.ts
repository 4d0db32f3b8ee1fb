import { dirname } from 'node:path'
import { checkDrift } from '../../node/watch/check-drift'
import { formatDrift } from '../../node/watch/format-drift'
import { openServerVersions } from '../../node/watch/server-versions'
import { exitCode, fail, flagOption, printJson, type Command } from '../command'
import { openCommandBoard } from '../connect-command'

/** `hush drift`: the live switches compared once with the owner's profile and later choices. */
export const driftCommand: Command = {
  name: 'drift',
  summary: 'Show the switches that are no longer as you chose them, and why',
  usage: '[--json]',
  options: { json: { type: 'boolean' } },
  connects: true,
  async run(context) {
    const { io } = context
    const board = await openCommandBoard(context)
    if (!board.ok) {
      return fail(io, board.error.message)
    }
    const drift = await checkDrift({
      client: board.value.connection.client,
      engine: board.value.engine,
      versions: openServerVersions(dirname(board.value.store.dir), () => new Date()),
    })
    if (!drift.ok) {
      return fail(io, drift.error.message)
    }
    // Drift is a finding, not a failure: the exit code stays 0.
    if (flagOption(context, 'json')) {
      printJson(io, drift.value)
    } else {
      io.stdout(formatDrift(drift.value))
    }
    return exitCode.ok
  },
}
