import { readCsvRows } from './csv-rows'
import { parseEndpoint } from './socket-address'
import type { Endpoint } from './socket-types'

/**
 * macOS `nettop -L 1 -n -x` (one sample in CSV): a process row `name.pid` with its totals, then
 * its connections as `tcp4 local<->remote` rows with interface, state and byte counts. Used for
 * bytes only; sockets come from lsof. The format is as documented, not seen with Plex:
 * test/corpus/network/macos_nettop-L1-n-x_CONSTRUCTED.txt and its sidecar.
 */

/** Bytes of one connection, as nettop counted them. */
export interface NettopBytes {
  readonly pid: number
  readonly command: string
  readonly local: Endpoint
  readonly remote: Endpoint
  /** What the process sent (bytes_out) and received (bytes_in). */
  readonly bytesSent: number
  readonly bytesReceived: number
}

/** `1.2.3.4:80` (tcp4) or `fe80::1%lo0.80` (tcp6, nettop's dot before the port: UNVERIFIED). */
function nettopEndpoint(text: string): Endpoint | undefined {
  return parseEndpoint(text) ?? parseEndpoint(text.replace(/\.(\d+)$/, ':$1'))
}

/** Parses one nettop CSV sample; rows it cannot read are left out. */
export function parseNettopCsv(text: string): NettopBytes[] {
  const [header, ...rows] = readCsvRows(text)
  const inAt = header?.indexOf('bytes_in') ?? -1
  const outAt = header?.indexOf('bytes_out') ?? -1
  if (inAt < 0 || outAt < 0) {
    return []
  }
  const found: NettopBytes[] = []
  let owner: { pid: number; command: string } | undefined
  for (const row of rows) {
    const label = row[1] ?? ''
    const connection = /^(?:tcp|udp)[46]\s+(.+)<->(.+)$/.exec(label)
    if (!connection) {
      const process = /^(.*)\.(\d+)$/.exec(label)
      owner =
        process?.[1] === undefined ? undefined : { command: process[1], pid: Number(process[2]) }
      continue
    }
    const local = nettopEndpoint(connection[1] ?? '')
    const remote = nettopEndpoint(connection[2] ?? '')
    const bytesIn = Number(row[inAt])
    const bytesOut = Number(row[outAt])
    if (owner && local && remote && Number.isFinite(bytesIn) && Number.isFinite(bytesOut)) {
      found.push({ ...owner, local, remote, bytesSent: bytesOut, bytesReceived: bytesIn })
    }
  }
  return found
}
