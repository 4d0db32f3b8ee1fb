import { readCsvRows } from './csv-rows'
import { isUnconnected, normalizeAddress } from './socket-address'
import type { Endpoint, ParsedRows, SocketRow, SocketState } from './socket-types'
import { sampleLine } from './socket-types'

/**
 * PowerShell's Get-NetTCPConnection (CSV or JSON) and `tasklist /FO CSV /NH`, the Windows
 * readers beside netstat. State is the enum's name in CSV and its number in Windows PowerShell
 * 5.1's JSON; neither is translated. Samples: test/corpus/network/windows_*_CONSTRUCTED.txt.
 */

/** MSFT_NetTCPConnection's State enumeration, by name (lower case) and by number. */
const tcpStates: Readonly<Record<string, SocketState>> = {
  closed: 'CLOSE',
  '1': 'CLOSE',
  listen: 'LISTEN',
  '2': 'LISTEN',
  synsent: 'SYN_SENT',
  '3': 'SYN_SENT',
  synreceived: 'SYN_RECV',
  '4': 'SYN_RECV',
  established: 'ESTABLISHED',
  '5': 'ESTABLISHED',
  finwait1: 'FIN_WAIT1',
  '6': 'FIN_WAIT1',
  finwait2: 'FIN_WAIT2',
  '7': 'FIN_WAIT2',
  closewait: 'CLOSE_WAIT',
  '8': 'CLOSE_WAIT',
  closing: 'CLOSING',
  '9': 'CLOSING',
  lastack: 'LAST_ACK',
  '10': 'LAST_ACK',
  timewait: 'TIME_WAIT',
  '11': 'TIME_WAIT',
  deletetcb: 'CLOSE',
  '12': 'CLOSE',
  bound: 'UNCONN',
  '100': 'UNCONN',
}

/** One connection's fields as PowerShell names them. */
interface NetTcpFields {
  readonly LocalAddress?: unknown
  readonly LocalPort?: unknown
  readonly RemoteAddress?: unknown
  readonly RemotePort?: unknown
  readonly State?: unknown
  readonly OwningProcess?: unknown
}

function endpointOf(address: unknown, port: unknown): Endpoint | undefined {
  const text = typeof address === 'string' ? normalizeAddress(address) : undefined
  const number = typeof port === 'number' ? port : typeof port === 'string' ? Number(port) : NaN
  return text === undefined || !Number.isInteger(number) || number < 0 || number > 65535
    ? undefined
    : { address: text, port: number }
}

function rowOf(fields: NetTcpFields): SocketRow | undefined {
  const local = endpointOf(fields.LocalAddress, fields.LocalPort)
  const remote = endpointOf(fields.RemoteAddress, fields.RemotePort)
  const pid = Number(fields.OwningProcess)
  if (!local || !remote || !Number.isInteger(pid)) {
    return undefined
  }
  const state = tcpStates[String(fields.State).toLowerCase()] ?? 'UNKNOWN'
  return {
    protocol: 'tcp',
    local,
    ...(isUnconnected(remote) ? {} : { remote }),
    state,
    pid,
  }
}

/** Parses `Get-NetTCPConnection | Select-Object … | ConvertTo-Csv -NoTypeInformation`. */
export function parseNetTcpConnectionCsv(text: string): ParsedRows<SocketRow> {
  const [header, ...lines] = readCsvRows(text)
  const rows: SocketRow[] = []
  let skipped = 0
  let firstSkipped: string | undefined
  const names = header ?? []
  for (const line of lines) {
    const fields = Object.fromEntries(names.map((name, i) => [name, line[i]])) as NetTcpFields
    const row = rowOf(fields)
    if (row) {
      rows.push(row)
    } else {
      skipped += 1
      firstSkipped ??= sampleLine(line.join(','))
    }
  }
  return { rows, skipped, ...(firstSkipped === undefined ? {} : { firstSkipped }) }
}

/**
 * Parses `… | ConvertTo-Json`: an array, or a single object when there was one connection, or
 * nothing at all when there were none. JSON that does not parse (cut short) is one skipped item.
 */
export function parseNetTcpConnectionJson(text: string): ParsedRows<SocketRow> {
  const trimmed = text.replace(/^\uFEFF/, '').trim()
  if (trimmed === '') {
    return { rows: [], skipped: 0 }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(trimmed)
  } catch {
    return { rows: [], skipped: 1, firstSkipped: sampleLine(trimmed) }
  }
  const items: unknown[] = Array.isArray(parsed) ? parsed : [parsed]
  const rows: SocketRow[] = []
  let skipped = 0
  let firstSkipped: string | undefined
  for (const item of items) {
    const row = item !== null && typeof item === 'object' ? rowOf(item) : undefined
    if (row) {
      rows.push(row)
    } else {
      skipped += 1
      firstSkipped ??= sampleLine(JSON.stringify(item) ?? String(item))
    }
  }
  return { rows, skipped, ...(firstSkipped === undefined ? {} : { firstSkipped }) }
}

/** Image names by PID from `tasklist /FO CSV /NH` ("Plex Media Server.exe","5012",…). */
export function parseTasklistCsv(text: string): Map<number, string> {
  const images = new Map<number, string>()
  for (const [image, pid] of readCsvRows(text)) {
    if (image !== undefined && pid !== undefined && /^\d+$/.test(pid)) {
      images.set(Number(pid), image)
    }
  }
  return images
}
