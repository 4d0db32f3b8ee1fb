import type { PlexIdentity } from './plex-processes'
import { isAccepted, listeningEnds, ownerOf, type OwnedSocket } from './owned-socket'
import type { SocketRow } from './socket-types'

/** A Plex process found in /proc, and what Hush could see of it. */
export interface SeenProcess {
  readonly pid: number
  readonly uid: number
  readonly identity: PlexIdentity
  /** Its network namespace's key (see readNetNamespace), and how it is shown. */
  readonly namespace: string
  readonly namespaceName: string
  /** Its socket inodes; undefined when its open files are closed to Hush. */
  readonly inodes?: ReadonlySet<number>
}

/** Ties the rows of one namespace to its Plex processes: by socket inode, else by owner uid. */
export function attribute(
  rows: readonly SocketRow[],
  members: readonly SeenProcess[],
  plexUid: number | undefined,
  namespace: string | undefined,
): OwnedSocket[] {
  const byInode = new Map<number, SeenProcess>()
  const hiddenByUid = new Map<number, SeenProcess[]>()
  for (const p of members) {
    if (p.inodes) {
      for (const inode of p.inodes) {
        byInode.set(inode, p)
      }
    } else {
      hiddenByUid.set(p.uid, [...(hiddenByUid.get(p.uid) ?? []), p])
    }
  }
  const listening = listeningEnds(rows)
  const owned: OwnedSocket[] = []
  for (const row of rows) {
    const remote = row.remote
    // inode 0: a socket no process holds any more (TIME_WAIT); the sample before saw it open.
    if (!remote || !row.inode || isAccepted(row, listening)) {
      continue
    }
    const ns = namespace === undefined ? {} : { namespace }
    const process = byInode.get(row.inode)
    if (process) {
      owned.push({
        ...row,
        remote,
        pid: process.pid,
        ...ownerOf(process.identity, 'process'),
        ...ns,
      })
      continue
    }
    const hidden = row.uid === undefined ? undefined : hiddenByUid.get(row.uid)
    if (hidden || (plexUid !== undefined && row.uid === plexUid)) {
      const ids = [...new Set((hidden ?? []).flatMap(p => p.identity.candidates))]
      owned.push({
        ...row,
        remote,
        processId:
          hidden?.length === 1 && ids.length === 1 ? (hidden[0]?.identity.id ?? 'plex') : 'plex',
        processLabel:
          hidden?.length === 1
            ? `${hidden[0]?.identity.label} (uid ${row.uid})`
            : `Plex (uid ${row.uid})`,
        attributedBy: 'uid',
        ...ns,
      })
    }
  }
  return owned
}
