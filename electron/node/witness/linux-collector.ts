import { endianness } from 'node:os'
import { join } from 'node:path'
import type { Collector, CollectedSample } from './collector'
import { attribute, type SeenProcess } from './linux-attribution'
import {
  listProcessIds,
  procHidesProcesses,
  readComm,
  readNetNamespace,
  readProcess,
  readSocketInodes,
  uidOfUser,
} from './linux-proc-files'
import { createSocketRowReader, type SocketRowReader } from './linux-socket-rows'
import type { OwnedSocket } from './owned-socket'
import { identifyPlexProcess } from './plex-processes'
import { createToolRunner, type ToolRunner } from './run-tool'
import type { SocketRow } from './socket-types'
import { withBytes } from './ss-bytes'
import { notice, type WitnessNotice } from './witness-notice'

/** Options of the Linux collector. */
export interface LinuxCollectorOptions {
  /** Where procfs is mounted (default /proc). */
  readonly procRoot?: string
  /** The user a package-installed server runs as, for attribution by uid (default `plex`). */
  readonly plexUser?: string
  /** Runs ss (and nsenter); by default the real tools. */
  readonly runTool?: ToolRunner
  /** Ask ss for byte counts (default true). */
  readonly bytes?: boolean
  /**
   * Run ss every this many samples for connections older than that (default 3: their bytes are at
   * most three samples old); a connection first seen in the last few samples is counted every
   * sample, so that a short upload's size is caught. Starting ss is most of the witness's cost.
   */
  readonly bytesEvery?: number
}

/** The hint the issue asks for, word for word, when open files are closed to Hush. */
export const ownerHiddenHint =
  'run as the plex user or with CAP_SYS_PTRACE to see process names; connections are attributed by uid meanwhile'

/**
 * The Linux witness: finds the Plex processes in /proc by name (comm, argv[0], exe), maps their
 * sockets through /proc/<pid>/fd, reads each network namespace's tables through /proc/<pid>/net
 * (a container's own), and adds byte counts from `ss -tin` where it runs. What it cannot see it
 * says, once per thing, in a notice; an unreadable entry or a process gone between two reads is
 * skipped.
 */
export function createLinuxCollector(options: LinuxCollectorOptions = {}): Collector {
  const procRoot = options.procRoot ?? '/proc'
  const runTool = options.runTool ?? createToolRunner({ timeoutMs: 4_000 })
  const rows = createSocketRowReader(endianness() === 'LE')
  const names = createNameCache()
  const bytesEvery = Math.max(1, options.bytesEvery ?? 3)
  const firstSeen = new Map<number, number>()
  let sample = 0
  let plexUid: number | undefined | null = null
  return async (): Promise<CollectedSample> => {
    sample += 1
    const notices: WitnessNotice[] = []
    if (plexUid === null) {
      plexUid = uidOfUser(options.plexUser ?? 'plex')
    }
    const pids = listProcessIds(procRoot)
    if (!pids.ok) {
      const message = `cannot list ${procRoot} (${pids.detail}): no connection can be seen`
      return { sockets: [], notices: [notice('table-unreadable', procRoot, message)] }
    }
    const own = readNetNamespace(procRoot, 'self')
    const ownNamespace = own.ok ? own.value.key : 'self'
    const processes = findPlexProcesses(
      procRoot,
      names.plexLike(procRoot, pids.value),
      ownNamespace,
      notices,
    )
    if (processes.length === 0 && procHidesProcesses(procRoot)) {
      const message = `${procRoot} is mounted with hidepid: other users' processes are hidden; ${ownerHiddenHint}`
      notices.push(notice('processes-hidden', procRoot, message))
    }
    // Each network namespace once: Hush's own, and each container's through one of its processes.
    const namespaces = new Map<string, SeenProcess[]>([[ownNamespace, []]])
    for (const p of processes) {
      namespaces.set(p.namespace, [...(namespaces.get(p.namespace) ?? []), p])
    }
    const sockets: OwnedSocket[] = []
    const young = (socket: OwnedSocket): boolean => {
      const seen = firstSeen.get(socket.inode ?? 0) ?? sample
      firstSeen.set(socket.inode ?? 0, seen)
      return sample - seen < bytesEvery
    }
    for (const [namespace, members] of namespaces) {
      const inOwn = namespace === ownNamespace
      const uidOnly = inOwn && processes.length === 0 ? (plexUid ?? undefined) : undefined
      if (members.length === 0 && uidOnly === undefined) {
        continue
      }
      const netDir = inOwn
        ? join(procRoot, 'self', 'net')
        : join(procRoot, String(members[0]?.pid), 'net')
      const found = rowsOf(rows, namespace, netDir, members, uidOnly, notices)
      const owned = attribute(
        found,
        members,
        uidOnly,
        inOwn ? undefined : members[0]?.namespaceName,
      )
      const fresh = owned.filter(young).length > 0
      const count =
        options.bytes !== false &&
        owned.length > 0 &&
        (fresh || sample % bytesEvery === 1 % bytesEvery)
      sockets.push(
        ...(count
          ? await withBytes(owned, inOwn ? undefined : members[0]?.pid, runTool, notices)
          : owned),
      )
    }
    // Forget the sockets that are gone.
    const current = new Set(sockets.map(s => s.inode ?? 0))
    for (const inode of firstSeen.keys()) {
      if (!current.has(inode)) {
        firstSeen.delete(inode)
      }
    }
    return { sockets, notices }
  }
}

/** The rows a namespace's Plex processes hold: by their inodes, plus by uid for hidden ones. */
function rowsOf(
  reader: SocketRowReader,
  namespace: string,
  netDir: string,
  members: readonly SeenProcess[],
  uidOnly: number | undefined,
  notices: WitnessNotice[],
): SocketRow[] {
  const inodes = new Set(members.flatMap(p => [...(p.inodes ?? [])]))
  const hiddenUids = new Set(members.filter(p => !p.inodes).map(p => p.uid))
  if (uidOnly !== undefined) {
    hiddenUids.add(uidOnly)
  }
  return [
    ...(inodes.size > 0 ? reader.byInodes(namespace, netDir, inodes, notices) : []),
    ...(hiddenUids.size > 0 ? reader.byUids(netDir, hiddenUids, notices) : []),
  ]
}

/** Samples between two reads of every process's name (new processes are read at once). */
const rereadNamesEvery = 5
/**
 * A process is read in each of its first few samples: one caught between fork and exec still has
 * its parent's name (a busy machine can hold it there for a good part of a second), and a short
 * upload would be over before the next full read.
 */
const youngReads = 3

/** What the name cache knows of a process: whether its name was Plex's, and how often it was read. */
interface NameRead {
  readonly plex: boolean
  readonly reads: number
}

/**
 * The processes whose short name looks like Plex's. comm is world-readable and short; a process
 * seen not to be Plex's is read again only every few samples once it is a few samples old (it may
 * exec a Plex program, as a container's start script does), a Plex one every time (it may exec
 * another: PMS forks, then the child becomes CrashUploader).
 */
function createNameCache(): {
  readonly plexLike: (procRoot: string, pids: readonly number[]) => Map<number, string>
} {
  let known = new Map<number, NameRead>()
  let samples = 0
  return {
    plexLike: (procRoot, pids) => {
      const full = samples % rereadNamesEvery === 0
      samples += 1
      const next = new Map<number, NameRead>()
      const plex = new Map<number, string>()
      for (const pid of pids) {
        const before = known.get(pid)
        if (!full && before && !before.plex && before.reads >= youngReads) {
          next.set(pid, before)
          continue
        }
        const comm = readComm(procRoot, pid)
        const isPlex =
          comm.ok && identifyPlexProcess({ name: comm.value, nameMayBeCut: true }) !== undefined
        const reads = (before?.reads ?? 0) + 1
        next.set(pid, { plex: isPlex, reads })
        if (isPlex && comm.ok) {
          plex.set(pid, comm.value)
        }
      }
      known = next
      return plex
    },
  }
}

function findPlexProcesses(
  procRoot: string,
  plexLike: ReadonlyMap<number, string>,
  ownNamespace: string,
  notices: WitnessNotice[],
): SeenProcess[] {
  const found: SeenProcess[] = []
  for (const [pid, comm] of plexLike) {
    const process = readProcess(procRoot, pid, comm)
    if (!process.ok) {
      continue // gone between two reads
    }
    const p = process.value
    const identity = identifyPlexProcess({
      path: p.exe,
      argv0: p.argv0,
      name: p.comm,
      nameMayBeCut: true,
    })
    const namespace = readNetNamespace(procRoot, pid)
    const inodes = readSocketInodes(procRoot, pid)
    if (
      !identity ||
      (!inodes.ok && inodes.why === 'gone') ||
      (!namespace.ok && namespace.why === 'gone')
    ) {
      continue
    }
    if (!inodes.ok) {
      notices.push(
        notice(
          'owner-hidden',
          `uid ${p.uid}`,
          `Hush may not read the open files of ${identity.label} (pid ${pid}, uid ${p.uid}): ${ownerHiddenHint}`,
        ),
      )
    }
    found.push({
      pid,
      uid: p.uid,
      identity,
      namespace: namespace.ok ? namespace.value.key : ownNamespace,
      namespaceName: namespace.ok
        ? (namespace.value.name ?? `the network namespace of pid ${pid}`)
        : 'this machine',
      ...(inodes.ok ? { inodes: inodes.value } : {}),
    })
  }
  return found
}
