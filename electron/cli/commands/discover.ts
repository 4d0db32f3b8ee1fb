import type { DiscoveryReport } from '../../common/api/server-schemas'
import { exitCode, fail, flagOption, printJson, stringOption, type Command } from '../command'
import { withCommandCore } from '../command-core'

/** `hush discover`: the server's data folder, identity, and whether a token was found. */
export const discoverCommand: Command = {
  name: 'discover',
  summary:
    'Find the local Plex Media Server: its data folder, identity, and whether a token was found',
  usage: '[--json]',
  options: { json: { type: 'boolean' } },
  connects: true,
  run: context =>
    withCommandCore(context, {}, async ({ bridge, connect }) => {
      const { io } = context
      // A server named on the command line must be a working one: prove it like every command does.
      if (stringOption(context, 'server') || io.env.HUSH_SERVER) {
        const connected = await connect()
        if (!connected.ok) {
          return fail(io, connected.error.message)
        }
      }
      const result = await bridge.call('server.discover', {})
      if (!result.ok) {
        return fail(io, result.error.message)
      }
      const report = result.value
      if (!report.reachable && report.dataDir === null && report.machineIdentifier === null) {
        return fail(
          io,
          `no Plex Media Server found (${report.problem ?? 'nothing answered'}); pass --data-dir or --server`,
        )
      }
      if (flagOption(context, 'json')) {
        printJson(io, report)
      } else {
        io.stdout(formatReport(report))
      }
      return exitCode.ok
    }),
}

function formatReport(report: DiscoveryReport): string {
  const rows: Array<[string, string]> = [
    ['Data folder', report.dataDir ?? 'not found'],
    ['Preferences', report.preferencesFile ?? 'not found'],
    ['Machine id', report.machineIdentifier ?? 'unknown'],
    ['Token', report.tokenFound ? 'found (not shown)' : 'not found'],
    ['Server', `${report.serverUrl} (${report.reachable ? 'answers' : 'does not answer'})`],
    ['Name', report.friendlyName ?? 'unknown'],
    ['Version', report.version ?? 'unknown'],
  ]
  if (report.problem) {
    rows.push(['Problem', report.problem])
  }
  const width = Math.max(...rows.map(([label]) => label.length))
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}\n`).join('')
}
