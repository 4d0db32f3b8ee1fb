import type { LogPull, LogSource, OwnerServer } from '../../common/api/remote-schemas'
import { formatBytes } from '../../node/files/regular-file'

/** The owner's servers as `hush servers` prints them: the connection chosen and why, or why none. */
export function formatOwnerServers(servers: readonly OwnerServer[]): string {
  if (servers.length === 0) {
    return 'The account lists no server.\n'
  }
  const lines: string[] = []
  for (const server of servers) {
    const mark = server.active ? '*' : ' '
    lines.push(`${mark} ${server.name}  (${server.id})${server.owned ? '' : '  shared with you'}`)
    if (server.connection) {
      lines.push(`    via ${server.connection.uri} — ${server.reason}`)
    } else {
      lines.push(`    unreachable — ${server.reason}`)
    }
    for (const tried of server.tried) {
      if (tried.outcome !== 'answered') {
        lines.push(`    tried ${tried.uri} (${tried.kind}): ${tried.reason ?? tried.outcome}`)
      }
    }
  }
  lines.push('', '* the server Hush uses; pick another with `hush servers use <name|id>`')
  return `${lines.join('\n')}\n`
}

/** One pull, as `hush log pull` prints it. */
export function formatLogPull(pull: LogPull, source: LogSource): string {
  const from = source.serverName ?? 'the server'
  const files = pull.files === 1 ? '1 log file' : `${pull.files} log files`
  return `${pull.inserted} new events stored from ${files} (${formatBytes(pull.bytes)}) pulled from ${from} into ${source.logsDir ?? 'the mirror folder'}\n`
}
