import { isUnconnected, parseEndpoint } from './socket-address'
import type { ParsedRows, SocketRow, SocketState } from './socket-types'
import { sampleLine } from './socket-types'

/**
 * The two netstats: Linux net-tools (`netstat -antp`, the corpus's real samples of Plex) and
 * Windows (`netstat -ano`, `-anob`). Both print English state words in the C locale; Windows
 * translates them, so a listening socket is also told by its foreign address (0.0.0.0:0).
 */

const netstatStates: Readonly<Record<string, SocketState>> = {
  ESTABLISHED: 'ESTABLISHED',
  SYN_SENT: 'SYN_SENT',
  SYN_RECV: 'SYN_RECV',
  SYN_RECEIVED: 'SYN_RECV',
  FIN_WAIT1: 'FIN_WAIT1',
  FIN_WAIT_1: 'FIN_WAIT1',
  FIN_WAIT2: 'FIN_WAIT2',
  FIN_WAIT_2: 'FIN_WAIT2',
  TIME_WAIT: 'TIME_WAIT',
  CLOSE: 'CLOSE',
  CLOSED: 'CLOSE',
  CLOSE_WAIT: 'CLOSE_WAIT',
  LAST_ACK: 'LAST_ACK',
  LISTEN: 'LISTEN',
  LISTENING: 'LISTEN',
  CLOSING: 'CLOSING',
  BOUND: 'UNCONN',
}

/** What a netstat parse found besides the rows: state words it does not know (another language). */
export interface NetstatRows extends ParsedRows<SocketRow> {
  readonly unknownStates: readonly string[]
}

/**
 * Parses Linux net-tools netstat (`-antp`, `-tulpn`, …). Program names are cut by netstat's
 * column ("Plex Media Ser"); `-` means the owner could not be seen (not root). Rows printed
 * without -n (host and service names) cannot be read as addresses and are counted as skipped.
 */
export function parseLinuxNetstat(text: string): NetstatRows {
  const rows: SocketRow[] = []
  const unknown = new Set<string>()
  let skipped = 0
  let firstSkipped: string | undefined
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(tcp6?|udp6?)\s+(\d+)\s+(\d+)\s+(\S+)\s+(\S+)\s*(.*)$/.exec(line)
    if (!m) {
      continue
    }
    const [, proto, , , localText, foreignText, rest = ''] = m as unknown as string[]
    const local = parseEndpoint(localText as string)
    const foreign = parseEndpoint(foreignText as string)
    if (!local || !foreign) {
      skipped += 1
      firstSkipped ??= sampleLine(line)
      continue
    }
    // What follows the addresses: [state] [PID/Program name | -]; the name may hold spaces.
    const trimmed = rest.trim()
    const owner = /(?:^|\s)(?:(\d+)\/(.*)|-)$/.exec(trimmed)
    const stateWord = (owner ? trimmed.slice(0, owner.index) : trimmed).trim() || undefined
    const udp = (proto as string).startsWith('udp')
    let state: SocketState
    if (stateWord === undefined) {
      state = udp ? 'UNCONN' : 'UNKNOWN'
    } else {
      state = netstatStates[stateWord] ?? 'UNKNOWN'
      if (state === 'UNKNOWN') {
        unknown.add(stateWord)
      }
    }
    rows.push({
      protocol: udp ? 'udp' : 'tcp',
      local,
      ...(isUnconnected(foreign) ? {} : { remote: foreign }),
      state,
      ...(owner?.[1] === undefined ? {} : { pid: Number(owner[1]) }),
      ...(owner?.[2] === undefined || owner[2].trim() === '' ? {} : { command: owner[2].trim() }),
    })
  }
  return {
    rows,
    skipped,
    ...(firstSkipped === undefined ? {} : { firstSkipped }),
    unknownStates: [...unknown],
  }
}

/**
 * Parses Windows `netstat -ano` (and `-anob`, whose owner lines `[name.exe]` follow each socket).
 * TCP rows: Proto, Local, Foreign, State, PID; UDP rows have no State. A state word netstat printed
 * in another language is kept as UNKNOWN and reported; a foreign address of 0.0.0.0:0 or [::]:0
 * always means listening.
 */
export function parseWindowsNetstat(text: string): NetstatRows & {
  /** Owners named by -b, by PID. */
  readonly images: ReadonlyMap<number, string>
} {
  const rows: SocketRow[] = []
  const images = new Map<number, string>()
  const unknown = new Set<string>()
  let skipped = 0
  let firstSkipped: string | undefined
  let lastPid: number | undefined
  for (const line of text.split(/\r?\n/)) {
    const image = /^\s*\[(.+)\]\s*$/.exec(line)
    if (image?.[1] !== undefined) {
      if (lastPid !== undefined && lastPid !== 0) {
        images.set(lastPid, image[1])
      }
      continue
    }
    const m = /^\s*(TCP|UDP)\s+(\S+)\s+(\S+)\s+(?:(\S+)\s+)?(\d+)\s*$/.exec(line)
    if (!m) {
      if (/^\s*(TCP|UDP)\s/.test(line)) {
        skipped += 1
        firstSkipped ??= sampleLine(line)
      }
      continue
    }
    const [, proto, localText, foreignText, stateWord, pidText] = m as unknown as string[]
    const local = parseEndpoint(localText as string)
    const foreign = parseEndpoint(foreignText as string)
    if (!local || !foreign) {
      skipped += 1
      firstSkipped ??= sampleLine(line)
      continue
    }
    const udp = proto === 'UDP'
    const listening = !udp && foreign.port === 0 && isUnconnected(foreign)
    let state: SocketState
    if (udp) {
      state = isUnconnected(foreign) ? 'UNCONN' : 'ESTABLISHED'
    } else if (listening) {
      state = 'LISTEN'
    } else {
      state = netstatStates[stateWord ?? ''] ?? 'UNKNOWN'
      if (state === 'UNKNOWN' && stateWord !== undefined) {
        unknown.add(stateWord)
      }
    }
    lastPid = Number(pidText)
    rows.push({
      protocol: udp ? 'udp' : 'tcp',
      local,
      ...(isUnconnected(foreign) ? {} : { remote: foreign }),
      state,
      pid: lastPid,
    })
  }
  return {
    rows,
    skipped,
    ...(firstSkipped === undefined ? {} : { firstSkipped }),
    unknownStates: [...unknown],
    images,
  }
}
