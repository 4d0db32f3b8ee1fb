import { discoverServer } from '../../node/server/discover-server'
import { connectionRequestFrom } from '../../node/server/connection-request'
import { defaultTimeoutMs, resolveConnection } from '../../node/server/resolve-connection'
import type { DiscoveryReport } from '../../common/api/server-schemas'
import { exitCode, fail, flagOption, integerOption, printJson, type Command } from '../command'

/** `hush discover`: the server's data folder, identity, and whether a token was found. */
export const discoverCommand: Command = {
  name: 'discover',
  summary:
    'Find the local Plex Media Server: its data folder, identity, and whether a token was found',
  usage: '[--json]',
  options: { json: { type: 'boolean' } },
  connects: true,
  async run(context) {
    const { io } = context
    const request = connectionRequestFrom(context.options, io.env, {
      timeoutMs: integerOption(context, 'timeout', defaultTimeoutMs),
      signal: io.signal,
    })
    // A server named on the command line must be a working one: prove it like every command does.
    if (request.server ?? io.env.HUSH_SERVER) {
      const connection = await resolveConnection(request)
      if (!connection.ok) {
        return fail(io, connection.error.message)
      }
    }
    const result = await discoverServer(request)
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
  },
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
