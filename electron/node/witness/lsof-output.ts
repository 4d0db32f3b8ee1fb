import { isUnconnected, parseEndpoint } from './socket-address'
import type { ParsedRows, Protocol, SocketRow, SocketState } from './socket-types'
import { sampleLine } from './socket-types'

/**
 * lsof's view of network sockets (`lsof -nP -iTCP -iUDP`), the macOS reader and a Linux
 * alternative: the column output people paste, and the field output (`-F pcuftPTn`) Hush runs.
 * lsof is one program on both systems; real samples in test/corpus/network/linux_lsof-*.
 */

/** lsof's TCP state words (Linux: FIN_WAIT2; macOS: FIN_WAIT_2, CLOSED), underscores ignored. */
const lsofStates: Readonly<Record<string, SocketState>> = {
  ESTABLISHED: 'ESTABLISHED',
  LISTEN: 'LISTEN',
  SYNSENT: 'SYN_SENT',
  SYNRECV: 'SYN_RECV',
  SYNRECEIVED: 'SYN_RECV',
  FINWAIT1: 'FIN_WAIT1',
  FINWAIT2: 'FIN_WAIT2',
  TIMEWAIT: 'TIME_WAIT',
  CLOSE: 'CLOSE',
  CLOSED: 'CLOSE',
  CLOSEWAIT: 'CLOSE_WAIT',
  LASTACK: 'LAST_ACK',
  CLOSING: 'CLOSING',
}

/** Undoes lsof's escapes in a command name: `Plex\x20M` → `Plex M`, `\\` → `\`. */
export function unescapeLsof(text: string): string {
  return text.replace(/\\x([0-9a-fA-F]{2})|\\\\/g, (all, hex: string | undefined) =>
    hex === undefined ? '\\' : String.fromCharCode(parseInt(hex, 16)),
  )
}

/** `local->remote` or `local`, as in lsof's NAME, with the state word when TCP has one. */
function socketOf(
  protocol: Protocol,
  name: string,
  stateWord: string | undefined,
): Pick<SocketRow, 'local' | 'remote' | 'state'> | undefined {
  const [localText, remoteText] = name.split('->')
  const local = localText === undefined ? undefined : parseEndpoint(localText)
  const remote = remoteText === undefined ? undefined : parseEndpoint(remoteText)
  if (!local || (remoteText !== undefined && !remote)) {
    return undefined
  }
  let state: SocketState
  if (stateWord !== undefined) {
    state = lsofStates[stateWord.replace(/_/g, '').toUpperCase()] ?? 'UNKNOWN'
  } else if (protocol === 'udp') {
    state = remote ? 'ESTABLISHED' : 'UNCONN'
  } else {
    state = 'UNKNOWN'
  }
  return { local, ...(remote && !isUnconnected(remote) ? { remote } : {}), state }
}

/**
 * Parses lsof's column output. Columns are found by the protocol word (TCP/UDP) rather than by
 * position: DEVICE is a number on Linux and a kernel address on macOS, and SIZE/OFF may be empty.
 * A row whose NAME is a host name (lsof run without -n) is counted as skipped.
 */
export function parseLsofColumns(text: string): ParsedRows<SocketRow> {
  const rows: SocketRow[] = []
  let skipped = 0
  let firstSkipped: string | undefined
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || /^COMMAND\s+PID\s/.test(line) || /^lsof: /.test(line)) {
      continue
    }
    const fields = line.trim().split(/\s+/)
    const at = fields.findIndex((f, i) => i >= 4 && (f === 'TCP' || f === 'UDP'))
    if (at < 0) {
      // Not a socket row: a shell prompt, a warning, prose around a paste.
      continue
    }
    const [command, pidText, user] = fields
    const name = fields[at + 1]
    const stateMatch = /^\((\w+)\)$/.exec(fields[at + 2] ?? '')
    const protocol: Protocol = fields[at] === 'UDP' ? 'udp' : 'tcp'
    const socket = name === undefined ? undefined : socketOf(protocol, name, stateMatch?.[1])
    if (!socket || command === undefined || !/^\d+$/.test(pidText ?? '')) {
      skipped += 1
      firstSkipped ??= sampleLine(line)
      continue
    }
    rows.push({
      protocol,
      ...socket,
      pid: Number(pidText),
      command: unescapeLsof(command),
      ...(user !== undefined && /^\d+$/.test(user) ? { uid: Number(user) } : {}),
    })
  }
  return { rows, skipped, ...(firstSkipped === undefined ? {} : { firstSkipped }) }
}

/**
 * Parses lsof's field output (`-F pcuftPTn`): one field a line, its kind in the first character.
 * A process (p, c, u) is followed by its files (f, t, P, n, T…); a socket is kept once its name
 * is read and its state, if any, has been seen.
 */
export function parseLsofFields(text: string): ParsedRows<SocketRow> {
  const rows: SocketRow[] = []
  let skipped = 0
  let firstSkipped: string | undefined
  let process: { pid?: number; command?: string; uid?: number } = {}
  let file: { protocol?: Protocol; name?: string; state?: string } | undefined
  const flush = (): void => {
    if (file?.name === undefined || file.protocol === undefined || process.pid === undefined) {
      file = undefined
      return
    }
    const socket = socketOf(file.protocol, file.name, file.state)
    if (socket) {
      rows.push({
        protocol: file.protocol,
        ...socket,
        pid: process.pid,
        ...(process.command === undefined ? {} : { command: process.command }),
        ...(process.uid === undefined ? {} : { uid: process.uid }),
      })
    } else {
      skipped += 1
      firstSkipped ??= sampleLine(`n${file.name}`)
    }
    file = undefined
  }
  for (const line of text.split(/\r?\n/)) {
    const kind = line[0]
    const value = line.slice(1)
    if (kind === 'p') {
      flush()
      process = /^\d+$/.test(value) ? { pid: Number(value) } : {}
    } else if (kind === 'c') {
      process.command = value
    } else if (kind === 'u' && /^\d+$/.test(value)) {
      process.uid = Number(value)
    } else if (kind === 'f') {
      flush()
      file = {}
    } else if (kind === 'P' && file) {
      file.protocol = value === 'UDP' ? 'udp' : value === 'TCP' ? 'tcp' : undefined
    } else if (kind === 'n' && file) {
      file.name = value
    } else if (kind === 'T' && file && value.startsWith('ST=')) {
      file.state = value.slice(3)
    }
  }
  flush()
  return { rows, skipped, ...(firstSkipped === undefined ? {} : { firstSkipped }) }
}
