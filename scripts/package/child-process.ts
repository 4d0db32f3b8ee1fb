import { spawn, type ChildProcess } from 'node:child_process'

/** A started command whose output is collected, and that can be stopped. */
export interface RunningCommand {
  readonly child: ChildProcess
  readonly output: () => string
  /** Resolves with the first match of `pattern` in the output; rejects if the command ends first. */
  readonly waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>
  readonly stop: () => Promise<void>
}

/** Starts a command as an owner would run it, collecting stdout and stderr together. */
export function startCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): RunningCommand {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const listeners = new Set<() => void>()
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
    listeners.forEach(listener => listener())
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  return {
    child,
    output: () => output,
    waitFor: (pattern, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output)
          if (match) {
            done()
            resolve(match)
          }
        }
        const timer = setTimeout(() => {
          done()
          reject(new Error(`no ${String(pattern)} within ${timeoutMs} ms; output:\n${output}`))
        }, timeoutMs)
        const ended = () => {
          done()
          reject(new Error(`${command} ended before ${String(pattern)}; output:\n${output}`))
        }
        const done = () => {
          clearTimeout(timer)
          listeners.delete(check)
          child.off('exit', ended)
        }
        listeners.add(check)
        child.once('exit', ended)
        check()
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await exited
      }
    },
  }
}
