import { exitCode, fail, flagOption, printJson, type Command } from '../command'
import { withConnectedCore } from '../command-core'
import { formatDrift } from '../format/format-drift'

/** `hush drift`: the live switches compared once with the owner's profile and later choices. */
export const driftCommand: Command = {
  name: 'drift',
  summary: 'Show the switches that are no longer as you chose them, and why',
  usage: '[--json]',
  options: { json: { type: 'boolean' } },
  connects: true,
  run: context =>
    withConnectedCore(context, {}, async ({ bridge }) => {
      const { io } = context
      const drift = await bridge.call('watch.drift', {})
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
    }),
}
