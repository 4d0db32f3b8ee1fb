import { exitCode, fail, flagOption, printJson, type Command } from '../command'
import { withCommandCore } from '../command-core'
import { formatLogPull } from '../format/format-servers'
import { accountOptions, accountUsage } from './account-options'

/** `hush log pull`: one pull of the logs of the server picked with `hush servers use`. */
export const logPullCommand: Command = {
  name: 'log pull',
  summary: 'Pull the logs of the server on another machine once, and store what is new',
  usage: `[--json] ${accountUsage}`,
  options: { ...accountOptions, json: { type: 'boolean' } },
  run: context =>
    withCommandCore(context, {}, async ({ bridge }) => {
      const { io } = context
      const pulled = await bridge.call('remote.pull', {})
      if (!pulled.ok) {
        return fail(io, pulled.error.message)
      }
      const source = await bridge.call('remote.logSource', {})
      if (flagOption(context, 'json')) {
        printJson(io, { ...pulled.value, logsDir: source.logsDir })
      } else {
        io.stdout(formatLogPull(pulled.value, source))
      }
      return exitCode.ok
    }),
}
