import { exitCode, fail, flagOption, printJson, type Command } from '../command'
import { withConnectedCore } from '../command-core'
import { formatApplied } from '../format/format-switches'

/** `hush undo`: restores the values from before the last apply or set; repeat to go further back. */
export const undoCommand: Command = {
  name: 'undo',
  summary: 'Restore the server as it was before the last apply or set (repeat to go further back)',
  usage: '[--force] [--json]',
  options: { json: { type: 'boolean' }, force: { type: 'boolean' } },
  connects: true,
  run: context =>
    withConnectedCore(context, { changes: true }, async core => {
      const { io } = context
      const report = await core.bridge.call('switches.undo', {
        force: flagOption(context, 'force'),
      })
      if (!report.ok) {
        return fail(io, report.error.message)
      }
      core.printWarnings()
      if (flagOption(context, 'json')) {
        printJson(io, report.value)
      } else {
        io.stdout(`${formatApplied(report.value.applied)}${report.value.message}\n`)
      }
      return exitCode.ok
    }),
}
