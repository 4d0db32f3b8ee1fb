import { anyAddress, formatIPv6 } from './socket-address'
import type { Endpoint, ParsedRows, Protocol, SocketRow, SocketState } from './socket-types'
import { sampleLine } from './socket-types'

/**
 * The kernel's socket tables, /proc/net/tcp, tcp6, udp and udp6 (also /proc/<pid>/net/… for a
 * process in another network namespace, such as a container). Format: the kernel's
 * net/ipv4/tcp_ipv4.c and net/ipv6/tcp_ipv6.c `get_tcp*_sock`; samples in
 * test/corpus/network/linux_proc-net-*_hush-capture.txt.
 */

/** Which of the four tables a text came from. */
export type ProcNetTable = 'tcp' | 'tcp6' | 'udp' | 'udp6'

/** The TCP states of include/net/tcp_states.h, by their hex code in the `st` column. */
const tcpStates: Readonly<Record<string, SocketState>> = {
  '01': 'ESTABLISHED',
  '02': 'SYN_SENT',
  '03': 'SYN_RECV',
  '04': 'FIN_WAIT1',
  '05': 'FIN_WAIT2',
  '06': 'TIME_WAIT',
  '07': 'CLOSE',
  '08': 'CLOSE_WAIT',
  '09': 'LAST_ACK',
  '0A': 'LISTEN',
  '0B': 'CLOSING',
  '0C': 'SYN_RECV', // TCP_NEW_SYN_RECV
}

/** A row of a table: `sl: local remote st tx:rx tr:when retrnsmt uid timeout inode …`. */
const rowPattern =
  /^\s*\d+:\s+([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):([0-9A-Fa-f]{4})\s+([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):([0-9A-Fa-f]{4})\s+([0-9A-Fa-f]{2})\s+[0-9A-Fa-f]{8}:[0-9A-Fa-f]{8}\s+[0-9A-Fa-f]{2}:[0-9A-Fa-f]{8}\s+[0-9A-Fa-f]{8}\s+(\d+)\s+\d+\s+(\d+)(?:\s|$)/

/**
 * One address of the table: the kernel prints each 32-bit word in the machine's byte order, so
 * 127.0.0.1 is `0100007F` on a little-endian machine and `7F000001` on a big-endian one.
 */
export function procHexAddress(hex: string, littleEndian: boolean): string {
  const bytes: number[] = []
  for (let word = 0; word < hex.length; word += 8) {
    const wordBytes = [0, 2, 4, 6].map(i => parseInt(hex.slice(word + i, word + i + 2), 16))
    bytes.push(...(littleEndian ? wordBytes.reverse() : wordBytes))
  }
  return bytes.length === 4 ? bytes.join('.') : formatIPv6(bytes)
}

function endpoint(hex: string, port: string, littleEndian: boolean): Endpoint {
  return { address: procHexAddress(hex, littleEndian), port: parseInt(port, 16) }
}

/** Which rows a caller wants: those of these socket inodes, or of these owners. */
export interface RowFilter {
  readonly inodes?: ReadonlySet<number>
  readonly uids?: ReadonlySet<number>
}

/**
 * Parses one table. The header and blank lines are skipped; a line that looks like a row but does
 * not fit (cut short while the kernel wrote it, garbled) is counted, never guessed. With `only`,
 * just the lines holding one of the wanted numbers are parsed: on a machine with thousands of
 * sockets the witness needs the Plex processes' few.
 */
export function parseProcNetTable(
  text: string,
  table: ProcNetTable,
  littleEndian: boolean,
  only?: RowFilter,
): ParsedRows<SocketRow> {
  const protocol: Protocol = table.startsWith('tcp') ? 'tcp' : 'udp'
  const rows: SocketRow[] = []
  let skipped = 0
  let firstSkipped: string | undefined
  for (const line of only ? linesHolding(text, only) : text.split('\n')) {
    if (line.trim() === '' || /^\s*sl\s/.test(line)) {
      continue
    }
    const row = parseRow(line, protocol, littleEndian)
    if (!row) {
      skipped += 1
      firstSkipped ??= sampleLine(line)
    } else if (!only || only.inodes?.has(row.inode) || only.uids?.has(row.uid)) {
      rows.push(row)
    }
  }
  return { rows, skipped, ...(firstSkipped === undefined ? {} : { firstSkipped }) }
}

/** The lines of a table in which one of the wanted numbers stands as a field. */
function linesHolding(text: string, only: RowFilter): string[] {
  const starts = new Set<number>()
  const needles = [...(only.inodes ?? []), ...(only.uids ?? [])].map(n => ` ${n} `)
  for (const needle of needles) {
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      starts.add(text.lastIndexOf('\n', at) + 1)
    }
  }
  return [...starts].map(start => {
    const end = text.indexOf('\n', start)
    return text.slice(start, end < 0 ? undefined : end)
  })
}

function parseRow(
  line: string,
  protocol: Protocol,
  littleEndian: boolean,
): (SocketRow & { readonly uid: number; readonly inode: number }) | undefined {
  const m = rowPattern.exec(line)
  if (!m) {
    return undefined
  }
  const [, localHex, localPort, remoteHex, remotePort, st, uid, inode] = m as unknown as string[]
  const local = endpoint(localHex as string, localPort as string, littleEndian)
  const remote = endpoint(remoteHex as string, remotePort as string, littleEndian)
  const unconnected =
    remote.port === 0 && (remote.address === anyAddress[4] || remote.address === anyAddress[6])
  const code = (st as string).toUpperCase()
  const state: SocketState =
    protocol === 'udp' ? (code === '01' ? 'ESTABLISHED' : 'UNCONN') : (tcpStates[code] ?? 'UNKNOWN')
  return {
    protocol,
    local,
    ...(unconnected ? {} : { remote }),
    state,
    uid: Number(uid),
    inode: Number(inode),
  }
}
