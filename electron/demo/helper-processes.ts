import { spawn, type ChildProcess } from 'node:child_process'
import { chmod, mkdtemp, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { helperProgram } from './helper-program'

/** What a helper reports about one of its connections. */
export type HelperEvent =
  | {
      readonly event: 'connected'
      readonly key: string
      readonly localAddress: string
      readonly localPort: number
    }
  | { readonly event: 'closed'; readonly key: string }
  | { readonly event: 'failed'; readonly key: string; readonly message: string }

/** A command to a helper (see helper-program.ts). */
export type HelperCommand =
  | {
      readonly op: 'hold'
      readonly key: string
      readonly host: string
      readonly port: number
      readonly hello: number
      readonly beatBytes: number
      readonly beatMs: number
    }
  | {
      readonly op: 'send'
      readonly key: string
      readonly host: string
      readonly port: number
      readonly bytes: number
      readonly idleMs: number
    }
  | {
      readonly op: 'upload'
      readonly key: string
      readonly host: string
      readonly port: number
      readonly bytes: number
      readonly chunks: number
      readonly paceMs: number
    }
  | { readonly op: 'close'; readonly key: string }

/** A running helper process, named like one of Plex's. */
export interface HelperProcess {
  readonly name: string
  readonly pid: number
  readonly send: (command: HelperCommand) => void
  readonly onEvent: (listener: (event: HelperEvent) => void) => void
  /** Resolves when the process has exited (by itself or by stop). */
  readonly exited: Promise<void>
  /** Ends it and waits for it to be gone. */
  readonly stop: () => Promise<void>
}

/** Where the links named like Plex's programs live, one folder per demo. */
export interface HelperLauncher {
  /**
   * Starts a helper; its name is what the operating system shows (Linux: comm, 15 characters).
   * `as` runs it as another user (Hush must be root): a server running as the plex user.
   */
  readonly start: (
    name: string,
    as?: { readonly uid: number; readonly gid: number },
  ) => Promise<HelperProcess>
  /** The link named like a Plex program (this Node binary where links cannot be made). */
  readonly executable: (name: string) => Promise<string>
  /** Stops every helper it started and removes the links. */
  readonly close: () => Promise<void>
  /** Whether helpers carry their names (false where links cannot be made, e.g. Windows). */
  readonly named: boolean
}

/**
 * Creates a launcher: a temporary folder of symbolic links named "Plex Relay", "CrashUploader", …
 * that point at this Node binary. Executing a link gives the process the link's name, as
 * /proc/<pid>/comm, ps and lsof show it; where links cannot be made, helpers run as plain Node.
 */
export async function createHelperLauncher(): Promise<HelperLauncher> {
  const dir = await mkdtemp(join(tmpdir(), 'hush-demo-helpers-'))
  // Readable and searchable by all, so that a helper may run as another user.
  await chmod(dir, 0o755)
  const running = new Set<HelperProcess>()
  // One pending link per name: two helpers of one name started at once (two crash uploads) share
  // it, rather than the second failing with EEXIST and running under Node's own name.
  const links = new Map<string, Promise<string>>()
  let named = true
  const makeLink = async (name: string): Promise<string> => {
    const path = join(dir, name)
    try {
      await symlink(process.execPath, path)
      return path
    } catch {
      named = false
      return process.execPath
    }
  }
  const linkFor = (name: string): Promise<string> => {
    const known = links.get(name)
    if (known) {
      return known
    }
    const made = makeLink(name)
    links.set(name, made)
    return made
  }
  return {
    get named() {
      return named
    },
    executable: linkFor,
    start: async (name, as) => {
      const helper = launch(name, await linkFor(name), as)
      running.add(helper)
      void helper.exited.then(() => running.delete(helper))
      return helper
    },
    close: async () => {
      await Promise.all([...running].map(helper => helper.stop()))
      await rm(dir, { recursive: true, force: true })
    },
  }
}

function launch(
  name: string,
  executable: string,
  as?: { uid: number; gid: number },
): HelperProcess {
  const child: ChildProcess = spawn(executable, ['-e', helperProgram], {
    stdio: ['pipe', 'pipe', 'ignore'],
    windowsHide: true,
    ...(as ?? {}),
  })
  const listeners: ((event: HelperEvent) => void)[] = []
  const exited = new Promise<void>(resolve => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve()
    }
    child.once('exit', () => resolve())
    child.once('error', () => resolve())
  })
  if (child.stdout) {
    createInterface({ input: child.stdout }).on('line', line => {
      let event: HelperEvent
      try {
        event = JSON.parse(line) as HelperEvent
      } catch {
        return
      }
      for (const listener of listeners) {
        listener(event)
      }
    })
  }
  child.stdin?.on('error', () => undefined)
  return {
    name,
    pid: child.pid ?? -1,
    send: command => {
      if (child.stdin?.writable) {
        child.stdin.write(`${JSON.stringify(command)}\n`)
      }
    },
    onEvent: listener => {
      listeners.push(listener)
    },
    exited,
    stop: async () => {
      child.stdin?.end()
      const killer = setTimeout(() => child.kill('SIGKILL'), 2_000)
      child.kill('SIGTERM')
      await exited
      clearTimeout(killer)
    },
  }
}
