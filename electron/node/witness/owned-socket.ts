import type { PlexIdentity, PlexProcessId } from './plex-processes'
import type { SocketRow } from './socket-types'

/** How a connection was tied to Plex. */
export type Attribution =
  /** Through the process's open files (Linux fd, lsof, netstat's PID): the process is known. */
  | 'process'
  /** Through the socket's owner uid alone: some Plex process of that user, which one unseen. */
  | 'uid'

/** A connection of a Plex process, as one sample saw it. */
export interface OwnedSocket extends SocketRow {
  readonly remote: NonNullable<SocketRow['remote']>
  /** The Plex process, or `plex` when only the user (or a cut name fitting several) is known. */
  readonly processId: PlexProcessId | 'plex'
  /** How Hush shows the owner: "Plex Relay", "Plex (uid 998)". */
  readonly processLabel: string
  readonly attributedBy: Attribution
  /** The network namespace it lives in (Linux; a container has its own). */
  readonly namespace?: string
}

/** The owner fields of an OwnedSocket, from an identity. */
export function ownerOf(
  identity: PlexIdentity,
  attributedBy: Attribution,
): Pick<OwnedSocket, 'processId' | 'processLabel' | 'attributedBy'> {
  return { processId: identity.id, processLabel: identity.label, attributedBy }
}

/** The key that joins one connection across tools: local and remote ends. */
export function tupleKey(row: Pick<SocketRow, 'protocol' | 'local' | 'remote'>): string {
  const end = (e: { address: string; port: number } | undefined) =>
    e === undefined ? '-' : `${e.address}|${e.port}`
  return `${row.protocol} ${end(row.local)} ${end(row.remote)}`
}

/**
 * Whether a socket was accepted by a listener (someone connected to Plex) rather than opened by
 * Plex: its local port is one a socket of the same protocol listens on, on its address or on
 * every address. The witness keeps what Plex connects to.
 */
export function isAccepted(row: SocketRow, listening: ReadonlySet<string>): boolean {
  return (
    listening.has(`${row.protocol} ${row.local.address}|${row.local.port}`) ||
    listening.has(`${row.protocol} *|${row.local.port}`)
  )
}

/** The listening ends of a table, for isAccepted (wildcard addresses as `*`). */
export function listeningEnds(rows: readonly SocketRow[]): Set<string> {
  const ends = new Set<string>()
  for (const row of rows) {
    if (row.state === 'LISTEN') {
      const any =
        row.local.address === '0.0.0.0' || row.local.address === '::' || row.local.address === '*'
      ends.add(`${row.protocol} ${any ? '*' : row.local.address}|${row.local.port}`)
    }
  }
  return ends
}
