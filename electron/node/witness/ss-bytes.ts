import { tupleKey, type OwnedSocket } from './owned-socket'
import type { ToolRunner } from './run-tool'
import { parseSsOutput } from './ss-output'
import { notice, type WitnessNotice } from './witness-notice'

/**
 * Adds ss's byte counts to the TCP connections of one namespace: Hush's own, or a container's
 * entered through one of its processes (nsenter, which needs root).
 */
export async function withBytes(
  sockets: readonly OwnedSocket[],
  containerPid: number | undefined,
  runTool: ToolRunner,
  notices: WitnessNotice[],
): Promise<OwnedSocket[]> {
  const tcp = sockets.filter(s => s.protocol === 'tcp')
  if (tcp.length === 0) {
    return [...sockets]
  }
  const args = ['-tin', ...portFilter(tcp)]
  const result =
    containerPid === undefined
      ? await runTool('ss', args)
      : await runTool('nsenter', [`--net=/proc/${containerPid}/ns/net`, '--', 'ss', ...args])
  if (!result.ok) {
    const tool = containerPid === undefined ? 'ss' : 'nsenter'
    notices.push(
      notice(
        result.error.kind === 'missing' ? 'tool-missing' : 'tool-failed',
        tool,
        containerPid === undefined
          ? `${result.error.message}: connections are recorded without byte counts (ss is in the iproute2 package)`
          : `byte counts of a container's connections need root (${result.error.message}); they are recorded without`,
      ),
    )
    return [...sockets]
  }
  const parsed = parseSsOutput(result.value.stdout, 'tcp')
  const counts = new Map(parsed.rows.map(row => [tupleKey(row), row]))
  return sockets.map(socket => {
    const counted = socket.protocol === 'tcp' ? counts.get(tupleKey(socket)) : undefined
    // ss's state is the newer one: the socket table may have been read samples ago.
    return counted?.bytesSent === undefined
      ? socket
      : {
          ...socket,
          state: counted.state,
          bytesSent: counted.bytesSent,
          bytesReceived: counted.bytesReceived ?? 0,
        }
  })
}

/** ss's filter for these sockets' local ports, so that ss reports only them (at most 64). */
function portFilter(sockets: readonly OwnedSocket[]): string[] {
  const ports = [...new Set(sockets.map(s => s.local.port))]
  if (ports.length === 0 || ports.length > 64) {
    return []
  }
  return [ports.map(port => `sport = :${port}`).join(' or ')]
}
