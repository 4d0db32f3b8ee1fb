import { exitCode, fail, flagOption, printJson, UsageError, type Command } from '../command'
import { withCommandCore } from '../command-core'
import { formatOwnerServers } from '../format/format-servers'
import { accountOptions, accountUsage } from './account-options'

/** `hush servers`: the owner's servers from plex.tv, with the connection Hush chose and why. */
export const serversCommand: Command = {
  name: 'servers',
  summary: 'List your servers from plex.tv, how Hush reaches each, and why',
  usage: `[--json] ${accountUsage}`,
  options: { ...accountOptions, json: { type: 'boolean' } },
  run: context =>
    withCommandCore(context, {}, async ({ bridge }) => {
      const { io } = context
      const servers = await bridge.call('remote.servers', {})
      if (!servers.ok) {
        return fail(io, servers.error.message)
      }
      if (flagOption(context, 'json')) {
        printJson(io, servers.value)
      } else {
        io.stdout(formatOwnerServers(servers.value))
      }
      return exitCode.ok
    }),
}

/** `hush servers use <name|id>`: makes one of the owner's servers the one Hush uses. */
export const serversUseCommand: Command = {
  name: 'servers use',
  summary: 'Use one of your servers from plex.tv (by name or id)',
  usage: `<name|id> ${accountUsage}`,
  options: accountOptions,
  run: context => {
    const [server, ...extra] = context.positionals
    if (server === undefined || extra.length > 0) {
      throw new UsageError('name one server: hush servers use <name|id>')
    }
    return withCommandCore(context, {}, async ({ bridge }) => {
      const { io } = context
      const used = await bridge.call('remote.use', { server })
      if (!used.ok) {
        return fail(io, used.error.message)
      }
      io.stdout(
        `Hush now uses ${used.value.friendlyName} (${used.value.url}); \`hush log pull\` pulls its logs.\n`,
      )
      return exitCode.ok
    })
  },
}
