import { join } from 'node:path'
import { readTable } from './linux-proc-files'
import { parseProcNetTable, type ProcNetTable, type RowFilter } from './proc-net-table'
import type { SocketRow } from './socket-types'
import { notice, type WitnessNotice } from './witness-notice'

const tables: readonly ProcNetTable[] = ['tcp', 'tcp6', 'udp', 'udp6']

/**
 * Samples after which inodes that no table held are looked for again: most are Unix sockets
 * (Node's and Plex's own pipes), which no table ever holds; a TCP socket shows in the table from
 * its connect, microseconds after it is made.
 */
const recheckAbsentEvery = 30

/** The socket rows of the Plex processes, read from a namespace's tables only when needed. */
export interface SocketRowReader {
  /**
   * The rows of these socket inodes in the namespace whose tables are in `netDir`. The tables are
   * read only when an inode is new since the last read, and about once a minute while an inode
   * was in none of them (a Unix socket, or one not yet connected); a socket's ends never change, and
   * its state and bytes come from ss.
   */
  readonly byInodes: (
    namespace: string,
    netDir: string,
    inodes: ReadonlySet<number>,
    notices: WitnessNotice[],
  ) => SocketRow[]
  /** The rows of these owners (when open files are closed to Hush): read every time. */
  readonly byUids: (
    netDir: string,
    uids: ReadonlySet<number>,
    notices: WitnessNotice[],
  ) => SocketRow[]
}

/** Creates a reader with an empty cache. */
export function createSocketRowReader(littleEndian: boolean): SocketRowReader {
  /** Per namespace: each inode's row, or null when no table held it; and samples since the read. */
  const known = new Map<string, { rows: Map<number, SocketRow | null>; age: number }>()
  const read = (netDir: string, only: RowFilter, notices: WitnessNotice[]): SocketRow[] => {
    const rows: SocketRow[] = []
    for (const table of tables) {
      const path = join(netDir, table)
      const text = readTable(path)
      if (!text.ok) {
        if (text.why !== 'gone') {
          notices.push(
            notice(
              'table-unreadable',
              path,
              `cannot read ${path} (${text.detail}): its connections are not seen`,
            ),
          )
        }
        continue
      }
      const parsed = parseProcNetTable(text.value, table, littleEndian, only)
      if (parsed.skipped > 0) {
        notices.push(
          notice(
            'output-unreadable',
            path,
            `${parsed.skipped} line(s) of ${path} could not be read (cut short?), e.g. "${parsed.firstSkipped ?? ''}"`,
          ),
        )
      }
      rows.push(...parsed.rows)
    }
    return rows
  }
  return {
    byInodes: (namespace, netDir, inodes, notices) => {
      let cache = known.get(namespace)
      const wanted = [...inodes]
      const stale =
        !cache ||
        wanted.some(inode => !cache?.rows.has(inode)) ||
        (cache.age >= recheckAbsentEvery && wanted.some(inode => cache?.rows.get(inode) === null))
      if (stale) {
        const found = new Map(read(netDir, { inodes }, notices).map(row => [row.inode ?? 0, row]))
        cache = { rows: new Map(wanted.map(inode => [inode, found.get(inode) ?? null])), age: 0 }
        known.set(namespace, cache)
      }
      const current = cache as { rows: Map<number, SocketRow | null>; age: number }
      current.age += 1
      return wanted.flatMap(inode => current.rows.get(inode) ?? [])
    },
    byUids: (netDir, uids, notices) => read(netDir, { uids }, notices),
  }
}
