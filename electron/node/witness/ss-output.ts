import { isUnconnected, parseEndpoint } from './socket-address'
import type { ParsedRows, Protocol, SocketRow, SocketState } from './socket-types'
import { sampleLine } from './socket-types'

/**
 * iproute2's `ss -tin` / `ss -tinp` / `ss -uanp`: a socket line (State Recv-Q Send-Q Local Peer
 * [users:((…))]), and with -i a tab-indented line of TCP info carrying `bytes_sent:` and
 * `bytes_received:`. Samples: test/corpus/network/linux_ss-*_hush-capture.txt. ss does not
 * translate its output, so the words are the same in every locale.
 */

const ssStates: Readonly<Record<string, SocketState>> = {
  ESTAB: 'ESTABLISHED',
  'SYN-SENT': 'SYN_SENT',
  'SYN-RECV': 'SYN_RECV',
  'FIN-WAIT-1': 'FIN_WAIT1',
  'FIN-WAIT-2': 'FIN_WAIT2',
  'TIME-WAIT': 'TIME_WAIT',
  CLOSE: 'CLOSE',
  UNCONN: 'UNCONN',
  'CLOSE-WAIT': 'CLOSE_WAIT',
  'LAST-ACK': 'LAST_ACK',
  LISTEN: 'LISTEN',
  CLOSING: 'CLOSING',
}

/** The first process of `users:(("name",pid=123,fd=4),…)`. */
function firstUser(text: string): { command: string; pid: number } | undefined {
  const m = /users:\(\("((?:[^"\\]|\\.)*)",pid=(\d+)/.exec(text)
  return m?.[1] === undefined ? undefined : { command: m[1], pid: Number(m[2]) }
}

/** A counter of the info line: `bytes_sent:5000` → 5000. */
function counter(info: string, name: string): number | undefined {
  const m = new RegExp(`(?:^|\\s)${name}:(\\d+)`).exec(info)
  return m?.[1] === undefined ? undefined : Number(m[1])
}

/**
 * Parses ss output of one protocol (`-t` or `-u`). With `-a` listening and unconnected sockets
 * come too; without -i there are no byte counts; without -p no process. A socket line that does
 * not fit is counted as skipped.
 */
export function parseSsOutput(text: string, protocol: Protocol): ParsedRows<SocketRow> {
  const rows: SocketRow[] = []
  let skipped = 0
  let firstSkipped: string | undefined
  let last: SocketRow | undefined
  for (const line of text.split('\n')) {
    if (line.trim() === '' || /^State\s+Recv-Q/.test(line)) {
      continue
    }
    if (/^\s/.test(line)) {
      // The info line of the socket above (-i); ss prints it only after a socket line.
      if (last !== undefined && last.protocol === 'tcp') {
        // ss leaves out a counter that is 0; kernels before 4.19 have no bytes_sent, and there
        // bytes_acked (what the peer acknowledged) is the nearest figure.
        last = {
          ...last,
          bytesSent: counter(line, 'bytes_sent') ?? counter(line, 'bytes_acked') ?? 0,
          bytesReceived: counter(line, 'bytes_received') ?? 0,
        }
        rows[rows.length - 1] = last
      }
      continue
    }
    const fields = line.trim().split(/\s+/)
    const [stateWord, recvQ, sendQ, localText, peerText] = fields
    const state = stateWord === undefined ? undefined : ssStates[stateWord]
    const local = localText === undefined ? undefined : parseEndpoint(localText)
    const peer = peerText === undefined ? undefined : parseEndpoint(peerText)
    if (
      state === undefined ||
      !/^\d+$/.test(recvQ ?? '') ||
      !/^\d+$/.test(sendQ ?? '') ||
      !local ||
      !peer
    ) {
      skipped += 1
      firstSkipped ??= sampleLine(line)
      last = undefined
      continue
    }
    const user = firstUser(line)
    last = {
      protocol,
      local,
      ...(isUnconnected(peer) ? {} : { remote: peer }),
      state,
      ...(user ? { pid: user.pid, command: user.command } : {}),
    }
    rows.push(last)
  }
  return { rows, skipped, ...(firstSkipped === undefined ? {} : { firstSkipped }) }
}
