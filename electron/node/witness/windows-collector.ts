import type { Collector, CollectedSample } from './collector'
import { parseWindowsNetstat } from './netstat-output'
import { isAccepted, listeningEnds, ownerOf, type OwnedSocket } from './owned-socket'
import { identifyPlexProcess } from './plex-processes'
import { createToolRunner, type ToolRunner } from './run-tool'
import { parseTasklistCsv } from './windows-output'
import { notice, type WitnessNotice } from './witness-notice'

/** Options of the Windows collector. */
export interface WindowsCollectorOptions {
  readonly runTool?: ToolRunner
}

/**
 * `netstat -ano` for every socket and its PID, `tasklist /FO CSV /NH` to name the PIDs (run again
 * only when a PID it does not know holds a connection). Both are in every Windows and start in a
 * few milliseconds; PowerShell's Get-NetTCPConnection (windows-output.ts reads it too) costs a
 * PowerShell start per sample, far over the witness's budget. Windows gives no byte counts per
 * connection to either, and says its states in the system's language.
 */
export function createWindowsCollector(options: WindowsCollectorOptions = {}): Collector {
  const runTool = options.runTool ?? createToolRunner({ timeoutMs: 4_000, encoding: 'latin1' })
  let images = new Map<number, string>()
  return async (): Promise<CollectedSample> => {
    const notices: WitnessNotice[] = [
      notice(
        'no-bytes',
        'windows',
        'Windows gives no byte counts per connection to netstat: connections are recorded without them',
      ),
    ]
    const listed = await runTool('netstat', ['-ano'])
    if (!listed.ok) {
      const code = listed.error.kind === 'missing' ? 'tool-missing' : 'tool-failed'
      return {
        sockets: [],
        notices: [
          ...notices,
          notice(code, 'netstat', `${listed.error.message}: no connection can be seen`),
        ],
      }
    }
    const parsed = parseWindowsNetstat(listed.value.stdout)
    if (parsed.unknownStates.length > 0) {
      notices.push(
        notice(
          'state-language',
          'netstat',
          `netstat printed states Hush does not know (${parsed.unknownStates.slice(0, 4).join(', ')}): such connections are shown with their state unknown`,
        ),
      )
    }
    if (parsed.skipped > 0) {
      notices.push(
        notice(
          'output-unreadable',
          'netstat',
          `${parsed.skipped} line(s) of netstat could not be read, e.g. "${parsed.firstSkipped ?? ''}"`,
        ),
      )
    }
    const holders = new Set(parsed.rows.filter(r => r.remote && r.pid).map(r => r.pid as number))
    if ([...holders].some(pid => !images.has(pid))) {
      const tasks = await runTool('tasklist', ['/FO', 'CSV', '/NH'])
      if (tasks.ok) {
        images = parseTasklistCsv(tasks.value.stdout)
      } else {
        notices.push(
          notice(
            'tool-failed',
            'tasklist',
            `${tasks.error.message}: processes cannot be named, so Plex's connections cannot be told apart`,
          ),
        )
      }
    }
    const listening = listeningEnds(parsed.rows)
    const sockets: OwnedSocket[] = []
    for (const row of parsed.rows) {
      const image = row.pid === undefined ? undefined : images.get(row.pid)
      const identity = image === undefined ? undefined : identifyPlexProcess({ path: image })
      if (!identity || !row.remote || isAccepted(row, listening)) {
        continue
      }
      sockets.push({ ...row, remote: row.remote, command: image, ...ownerOf(identity, 'process') })
    }
    return { sockets, notices }
  }
}
