import { execFile } from 'node:child_process'
import { err, ok, type Result } from '../../common/util/result'

/** What a tool printed; `truncated` when it printed more than Hush reads. */
export interface ToolOutput {
  readonly stdout: string
  readonly truncated: boolean
}

/** Why a tool gave nothing usable. */
export interface ToolProblem {
  readonly kind: 'missing' | 'denied' | 'failed' | 'timeout'
  /** One line: what ran and what went wrong. */
  readonly message: string
}

/** Runs one command; replaceable so that a collector can be driven by recorded output. */
export type ToolRunner = (
  command: string,
  args: readonly string[],
) => Promise<Result<ToolOutput, ToolProblem>>

/** Options of the real runner. */
export interface ToolRunnerOptions {
  readonly timeoutMs?: number
  /** Bytes of output read at most (default 32 MiB); the rest is cut and said so. */
  readonly maxBytes?: number
  /** How the output is decoded (Windows netstat writes the console's code page). */
  readonly encoding?: 'utf8' | 'latin1'
}

/**
 * Runs tools the way the witness needs: no shell, the C locale (so ss, lsof and net-tools print
 * their English words and dots), a deadline, a cap on output. A tool that is not installed, not
 * permitted, fails or hangs is a value, never a throw.
 */
export function createToolRunner(options: ToolRunnerOptions = {}): ToolRunner {
  const timeout = options.timeoutMs ?? 5_000
  const maxBuffer = options.maxBytes ?? 32 * 1024 * 1024
  return (command, args) =>
    new Promise(resolve => {
      execFile(
        command,
        [...args],
        {
          timeout,
          maxBuffer,
          encoding: options.encoding ?? 'utf8',
          windowsHide: true,
          env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
        },
        (error, stdout, stderr) => {
          const line = `${command} ${args.join(' ')}`.trim()
          if (!error) {
            resolve(ok({ stdout, truncated: false }))
            return
          }
          // A system error has a string code (ENOENT); a tool that ran and failed, its exit code.
          const code = (error as { code?: unknown }).code
          if (code === 'ENOENT') {
            resolve(err({ kind: 'missing', message: `${command} is not installed` }))
          } else if (code === 'EACCES' || code === 'EPERM') {
            resolve(err({ kind: 'denied', message: `${command} may not be run (${code})` }))
          } else if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
            // What was read is still good, up to its last whole line.
            resolve(ok({ stdout: stdout.slice(0, stdout.lastIndexOf('\n') + 1), truncated: true }))
          } else if (error.killed === true || error.signal === 'SIGTERM') {
            resolve(err({ kind: 'timeout', message: `${line} took longer than ${timeout} ms` }))
          } else if (code === 1 && (stdout.length > 0 || stderr.trim() === '')) {
            // lsof exits 1 when it found nothing, or when some files were unreadable.
            resolve(ok({ stdout, truncated: false }))
          } else {
            const reason = stderr.split('\n').find(l => l.trim() !== '')
            resolve(
              err({
                kind: 'failed',
                message: `${line} failed${reason ? `: ${reason.trim()}` : ''}`,
              }),
            )
          }
        },
      )
    })
}
