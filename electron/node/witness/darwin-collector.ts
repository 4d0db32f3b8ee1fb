import type { Collector, CollectedSample } from './collector'
import { parseLsofFields } from './lsof-output'
import { parseNettopCsv } from './nettop-output'
import { isAccepted, listeningEnds, ownerOf, tupleKey, type OwnedSocket } from './owned-socket'
import { identifyPlexProcess } from './plex-processes'
import { createToolRunner, type ToolRunner } from './run-tool'
import { notice, type WitnessNotice } from './witness-notice'

/** Options of the macOS collector. */
export interface DarwinCollectorOptions {
  readonly runTool?: ToolRunner
  /** Ask nettop for byte counts (default true). */
  readonly bytes?: boolean
}

/**
 * lsof for the sockets of the processes whose names start like Plex's (`-c Plex -c CrashUploader`,
 * and `-a` so that only their network files are listed), in field output so that names with
 * spaces survive; nettop for bytes where it runs. lsof is the same program on Linux, where this
 * reader is tested against the demo's helpers; nettop exists on macOS only.
 */
export function createDarwinCollector(options: DarwinCollectorOptions = {}): Collector {
  const runTool = options.runTool ?? createToolRunner({ timeoutMs: 4_000 })
  let nettopWorks = options.bytes !== false
  return async (): Promise<CollectedSample> => {
    const notices: WitnessNotice[] = []
    const listed = await runTool('lsof', [
      '-nP',
      '-a',
      '-iTCP',
      '-iUDP',
      '-c',
      'Plex',
      '-c',
      'CrashUploader',
      '-F',
      'pcuftPTn',
    ])
    if (!listed.ok) {
      const code = listed.error.kind === 'missing' ? 'tool-missing' : 'tool-failed'
      return {
        sockets: [],
        notices: [notice(code, 'lsof', `${listed.error.message}: no connection can be seen`)],
      }
    }
    const parsed = parseLsofFields(listed.value.stdout)
    if (parsed.skipped > 0 || listed.value.truncated) {
      notices.push(
        notice(
          'output-unreadable',
          'lsof',
          `${parsed.skipped} socket(s) in lsof's output could not be read${listed.value.truncated ? ' (the output was cut short)' : ''}`,
        ),
      )
    }
    const listening = listeningEnds(parsed.rows)
    const sockets: OwnedSocket[] = []
    for (const row of parsed.rows) {
      const identity = identifyPlexProcess({ name: row.command, nameMayBeCut: true })
      if (!identity || !row.remote || isAccepted(row, listening)) {
        continue
      }
      sockets.push({ ...row, remote: row.remote, ...ownerOf(identity, 'process') })
    }
    if (!nettopWorks || !sockets.some(s => s.protocol === 'tcp')) {
      return { sockets, notices }
    }
    const counted = await runTool('nettop', ['-L', '1', '-n', '-x', '-m', 'tcp'])
    if (!counted.ok) {
      nettopWorks = false
      notices.push(
        notice(
          counted.error.kind === 'missing' ? 'tool-missing' : 'tool-failed',
          'nettop',
          `${counted.error.message}: connections are recorded without byte counts`,
        ),
      )
      return { sockets, notices }
    }
    const bytes = new Map(
      parseNettopCsv(counted.value.stdout).map(b => [
        tupleKey({ protocol: 'tcp', local: b.local, remote: b.remote }),
        b,
      ]),
    )
    return {
      sockets: sockets.map(s => {
        const b = s.protocol === 'tcp' ? bytes.get(tupleKey(s)) : undefined
        return b ? { ...s, bytesSent: b.bytesSent, bytesReceived: b.bytesReceived } : s
      }),
      notices,
    }
  }
}
