import { spawn, type ChildProcess } from 'node:child_process'
import { repoRoot } from '../../watch/testing/build-cli-bundle'

/** How a `hush` child process ended. */
export interface HushExit {
  /** The exit code, or null when a signal ended it. */
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
  /** Whether it had to be stopped because it did not end by itself in time. */
  readonly hung: boolean
}

/** A started `hush` child process. */
export interface HushChild {
  readonly child: ChildProcess
  readonly output: () => { stdout: string; stderr: string }
  /** Resolves when it exits; after `withinMs`, sends SIGINT, then SIGKILL, and reports `hung`. */
  readonly exited: (withinMs: number) => Promise<HushExit>
}

/** Starts the CLI bundle with arguments, as an owner would in a terminal. */
export function startHush(
  bundle: string,
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): HushChild {
  // The test's own HUSH_* settings must not leak into the child; `env` sets what the test means.
  const merged: Record<string, string> = {}
  for (const [name, value] of Object.entries({ ...process.env, ...env })) {
    if (value !== undefined && !(name.startsWith('HUSH_') && !(name in env))) {
      merged[name] = value
    }
  }
  const child = spawn(process.execPath, [bundle, ...args], {
    cwd: repoRoot,
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(resolve =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  return {
    child,
    output: () => ({ stdout, stderr }),
    async exited(withinMs) {
      let hung = false
      const timer = setTimeout(() => {
        hung = true
        child.kill('SIGINT')
        setTimeout(() => child.kill('SIGKILL'), 2000).unref()
      }, withinMs)
      const { code, signal } = await ended
      clearTimeout(timer)
      // Let the pipes deliver what the process wrote last.
      await new Promise(resolve => setImmediate(resolve))
      return { code, signal, stdout, stderr, hung }
    },
  }
}

/** Runs the CLI bundle to its end (at most `withinMs`). */
export function runHush(
  bundle: string,
  args: readonly string[],
  options: {
    readonly env?: Readonly<Record<string, string | undefined>>
    readonly withinMs?: number
  } = {},
): Promise<HushExit> {
  return startHush(bundle, args, options.env).exited(options.withinMs ?? 30_000)
}
