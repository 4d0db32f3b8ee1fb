import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { isSystemError } from '../files/system-error'

/**
 * The few /proc files the Linux witness reads, each read as a value: a process that exits
 * between two reads gives `gone`, a file closed to Hush gives `denied` (another user's process
 * without CAP_SYS_PTRACE), and neither is an error. The reads are synchronous: each is a few
 * microseconds of the kernel's, and a promise per file cost the witness ten times its budget.
 */

/** A /proc read that may find the process gone or the file closed. */
export type ProcRead<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly why: 'gone' | 'denied' | 'failed'; readonly detail: string }

function procRead<T>(read: () => T): ProcRead<T> {
  try {
    return { ok: true, value: read() }
  } catch (error) {
    if (!isSystemError(error)) {
      throw error
    }
    const code = error.code ?? ''
    const why =
      code === 'ENOENT' || code === 'ESRCH'
        ? 'gone'
        : code === 'EACCES' || code === 'EPERM'
          ? 'denied'
          : 'failed'
    return { ok: false, why, detail: `${error.path ?? ''}: ${code}` }
  }
}

/** The numeric entries of /proc: every visible process. */
export function listProcessIds(procRoot: string): ProcRead<number[]> {
  return procRead(() =>
    readdirSync(procRoot)
      .filter(name => /^\d+$/.test(name))
      .map(Number),
  )
}

/** What /proc says of one process: its short name, argv[0], executable and owner. */
export interface ProcProcess {
  readonly pid: number
  /** The kernel's name, cut to 15 characters. */
  readonly comm: string
  readonly argv0?: string
  /** The executable, when Hush may read the link (the same user, or CAP_SYS_PTRACE). */
  readonly exe?: string
  /** The effective uid (the owner of /proc/<pid>). */
  readonly uid: number
}

/** Reads a process's short name alone (world-readable, the cheap first look). */
export function readComm(procRoot: string, pid: number): ProcRead<string> {
  return procRead(() => readFileSync(join(procRoot, String(pid), 'comm'), 'utf8').trimEnd())
}

/** Reads the rest of what names a process, once its short name looked like Plex's. */
export function readProcess(procRoot: string, pid: number, comm: string): ProcRead<ProcProcess> {
  const dir = join(procRoot, String(pid))
  const owner = procRead(() => statSync(dir))
  if (!owner.ok) {
    return owner
  }
  const cmdline = procRead(() => readFileSync(join(dir, 'cmdline'), 'utf8'))
  const exe = procRead(() => readlinkSync(join(dir, 'exe')))
  const argv0 = cmdline.ok ? cmdline.value.split('\0')[0] : undefined
  return {
    ok: true,
    value: {
      pid,
      comm,
      ...(argv0 ? { argv0 } : {}),
      ...(exe.ok ? { exe: exe.value } : {}),
      uid: owner.value.uid,
    },
  }
}

/** The inodes of a process's sockets: its open files that are `socket:[inode]`. */
export function readSocketInodes(procRoot: string, pid: number): ProcRead<Set<number>> {
  const dir = join(procRoot, String(pid), 'fd')
  const entries = procRead(() => readdirSync(dir))
  if (!entries.ok) {
    return entries
  }
  const inodes = new Set<number>()
  for (const fd of entries.value) {
    // A file closed between the listing and the link is simply not a socket any more.
    const link = procRead(() => readlinkSync(join(dir, fd)))
    if (link.ok && link.value.startsWith('socket:[')) {
      inodes.add(Number(link.value.slice(8, -1)))
    }
  }
  return { ok: true, value: inodes }
}

/** A process's network namespace: a key that tells containers apart, and its name when visible. */
export interface NetNamespace {
  /** The inode of the namespace's /proc/<pid>/net/tcp, which anyone may stat. */
  readonly key: string
  /** `net:[4026531840]`, when Hush may read the process's ns link (the same user, or root). */
  readonly name?: string
}

/**
 * Which network namespace a process lives in. The ns link needs the rights to trace the process;
 * the inode of its net/tcp table is the same for every process of a namespace and needs none.
 */
export function readNetNamespace(procRoot: string, pid: number | 'self'): ProcRead<NetNamespace> {
  const table = procRead(() => statSync(join(procRoot, String(pid), 'net', 'tcp')))
  if (!table.ok) {
    return table
  }
  const link = procRead(() => readlinkSync(join(procRoot, String(pid), 'ns', 'net')))
  return {
    ok: true,
    value: { key: String(table.value.ino), ...(link.ok ? { name: link.value } : {}) },
  }
}

/** One socket table as text; `gone` when the table does not exist (IPv6 turned off). */
export function readTable(path: string): ProcRead<string> {
  return procRead(() => readFileSync(path, 'utf8'))
}

/** Whether /proc hides other users' processes (mounted with hidepid=1, 2 or invisible). */
export function procHidesProcesses(procRoot: string): boolean {
  const mounts = procRead(() => readFileSync(join(procRoot, 'self', 'mounts'), 'utf8'))
  if (!mounts.ok) {
    return false
  }
  return mounts.value.split('\n').some(line => {
    const [, mountPoint, type, options] = line.split(' ')
    return (
      type === 'proc' &&
      mountPoint === procRoot &&
      /(^|,)hidepid=(1|2|noaccess|invisible)(,|$)/.test(options ?? '')
    )
  })
}

/** The uid of a user by name from /etc/passwd (the `plex` user of the Linux packages). */
export function uidOfUser(name: string, passwdPath = '/etc/passwd'): number | undefined {
  const passwd = procRead(() => readFileSync(passwdPath, 'utf8'))
  if (!passwd.ok) {
    return undefined
  }
  for (const line of passwd.value.split('\n')) {
    const [user, , uid] = line.split(':')
    if (user === name && uid !== undefined && /^\d+$/.test(uid)) {
      return Number(uid)
    }
  }
  return undefined
}
