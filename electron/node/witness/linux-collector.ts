import { join } from 'node:path'
import { endianness } from 'node:os'
import {
  listProcessIds,
  procHidesProcesses,
  readComm,
  readNetNamespace,
  readProcess,
  readSocketInodes,
  readTable,
  uidOfUser,
} from './linux-proc-files'
import { identifyPlexProcess, type PlexIdentity } from './plex-processes'
import { parseProcNetTable, type ProcNetTable } from './proc-net-table'
import { isAccepted, listeningEnds, ownerOf, tupleKey, type OwnedSocket } from './owned-socket'
import { createToolRunner, type ToolRunner } from './run-tool'
import type { SocketRow } from './socket-types'
import { parseSsOutput } from './ss-output'
import { notice, type WitnessNotice } from './witness-notice'
import type { Collector, CollectedSample } from './collector'

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
}

const tables: readonly ProcNetTable[] = ['tcp', 'tcp6', 'udp', 'udp6']

/** The hint the issue asks for, word for word, when open files are closed to Hush. */
export const ownerHiddenHint =
  'run as the plex user or with CAP_SYS_PTRACE to see process names; connections are attributed by uid meanwhile'

/** A Plex process found in /proc, and what Hush could see of it. */
interface SeenProcess {
  readonly pid: number
  readonly uid: number
  readonly identity: PlexIdentity
  /** Its network namespace's key, and how it is shown (net:[…] when visible). */
  readonly namespace: string
  readonly namespaceName: string
  /** Its socket inodes; undefined when its open files are closed to Hush. */
  readonly inodes?: ReadonlySet<number>
}

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
  const littleEndian = endianness() === 'LE'
  let plexUid: Promise<number | undefined> | undefined
  return async (): Promise<CollectedSample> => {
    const notices: WitnessNotice[] = []
    plexUid ??= uidOfUser(options.plexUser ?? 'plex')
    const pids = await listProcessIds(procRoot)
    if (!pids.ok) {
      return {
        sockets: [],
        notices: [
          notice(
            'table-unreadable',
            procRoot,
            `cannot list ${procRoot} (${pids.detail}): no connection can be seen`,
          ),
        ],
      }
    }
    const own = await readNetNamespace(procRoot, 'self')
    const ownNamespace = own.ok ? own.value.key : 'self'
    const processes = await findPlexProcesses(procRoot, pids.value, ownNamespace, notices)
    if (processes.length === 0 && (await procHidesProcesses(procRoot))) {
      notices.push(
        notice(
          'processes-hidden',
          procRoot,
          `${procRoot} is mounted with hidepid: other users' processes are hidden; ${ownerHiddenHint}`,
        ),
      )
    }
    // One table read per network namespace: Hush's own, and each container's through a member.
    const namespaces = new Map<string, string>([[ownNamespace, join(procRoot, 'self', 'net')]])
    for (const p of processes) {
      if (!namespaces.has(p.namespace)) {
        namespaces.set(p.namespace, join(procRoot, String(p.pid), 'net'))
      }
    }
    const uid = await plexUid
    const sockets: OwnedSocket[] = []
    for (const [namespace, netDir] of namespaces) {
      const members = processes.filter(p => p.namespace === namespace)
      const uidOnly = namespace === ownNamespace && processes.length === 0 ? uid : undefined
      if (members.length === 0 && uidOnly === undefined) {
        continue
      }
      const inOwn = namespace === ownNamespace
      const rows = await readTables(netDir, littleEndian, notices)
      const owned = attribute(rows, members, uidOnly, inOwn ? undefined : members[0]?.namespaceName)
      sockets.push(
        ...(options.bytes === false || owned.length === 0
          ? owned
          : await withBytes(owned, inOwn ? undefined : members[0]?.pid, runTool, notices)),
      )
    }
    return { sockets, notices }
  }
}

async function findPlexProcesses(
  procRoot: string,
  pids: readonly number[],
  ownNamespace: string,
  notices: WitnessNotice[],
): Promise<SeenProcess[]> {
  const found: SeenProcess[] = []
  for (const pid of pids) {
    // comm first: world-readable and short; only a Plex-like name costs more reads.
    const comm = await readComm(procRoot, pid)
    if (!comm.ok || !identifyPlexProcess({ name: comm.value, nameMayBeCut: true })) {
      continue
    }
    const process = await readProcess(procRoot, pid, comm.value)
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
    if (!identity) {
      continue
    }
    const namespace = await readNetNamespace(procRoot, pid)
    const inodes = await readSocketInodes(procRoot, pid)
    if ((!inodes.ok && inodes.why === 'gone') || (!namespace.ok && namespace.why === 'gone')) {
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

async function readTables(
  netDir: string,
  littleEndian: boolean,
  notices: WitnessNotice[],
): Promise<SocketRow[]> {
  const rows: SocketRow[] = []
  for (const table of tables) {
    const path = join(netDir, table)
    const text = await readTable(path)
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
    const parsed = parseProcNetTable(text.value, table, littleEndian)
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

/** Ties the rows of one namespace to its Plex processes: by socket inode, else by owner uid. */
function attribute(
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

/**
 * Adds ss's byte counts to the TCP connections of one namespace: Hush's own, or a container's
 * entered through one of its processes (nsenter, which needs root).
 */
async function withBytes(
  sockets: readonly OwnedSocket[],
  containerPid: number | undefined,
  runTool: ToolRunner,
  notices: WitnessNotice[],
): Promise<OwnedSocket[]> {
  const tcp = sockets.filter(s => s.protocol === 'tcp')
  if (tcp.length === 0) {
    return [...sockets]
  }
  const args = ['-tin', ...portFilter(tcp)]
  const result =
    containerPid === undefined
      ? await runTool('ss', args)
      : await runTool('nsenter', [`--net=/proc/${containerPid}/ns/net`, '--', 'ss', ...args])
  if (!result.ok) {
    const tool = containerPid === undefined ? 'ss' : 'nsenter'
    notices.push(
      notice(
        result.error.kind === 'missing' ? 'tool-missing' : 'tool-failed',
        tool,
        containerPid === undefined
          ? `${result.error.message}: connections are recorded without byte counts (ss is in the iproute2 package)`
          : `byte counts of a container's connections need root (${result.error.message}); they are recorded without`,
      ),
    )
    return [...sockets]
  }
  const parsed = parseSsOutput(result.value.stdout, 'tcp')
  const counts = new Map(parsed.rows.map(row => [tupleKey(row), row]))
  return sockets.map(socket => {
    const counted = socket.protocol === 'tcp' ? counts.get(tupleKey(socket)) : undefined
    return counted?.bytesSent === undefined
      ? socket
      : { ...socket, bytesSent: counted.bytesSent, bytesReceived: counted.bytesReceived ?? 0 }
  })
}

/** ss's filter for these sockets' local ports, so that ss reports only them (at most 64). */
function portFilter(sockets: readonly OwnedSocket[]): string[] {
  const ports = [...new Set(sockets.map(s => s.local.port))]
  if (ports.length === 0 || ports.length > 64) {
    return []
  }
  return [ports.map(port => `sport = :${port}`).join(' or ')]
}
