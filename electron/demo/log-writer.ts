import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { maxRotations, rotatedLogName } from '../common/outbound/server-log-names'

/** Appends lines to `Logs/Plex Media Server.log`, rotating it at a size. */
export interface LogWriter {
  readonly file: string
  readonly append: (lines: readonly string[]) => void
  /** Moves the current log to `.1.log` (and older ones up), as at a restart into a new version. */
  readonly rotate: () => void
}

/** The path of the current log, or of rotated copy n (1–5). */
export function serverLogPath(logsDir: string, n = 0): string {
  return join(logsDir, rotatedLogName(n))
}

/**
 * Creates the log writer. Writes are synchronous and small (one batch per clock tick), so lines from
 * the HTTP handlers and the traffic never interleave mid-line.
 */
export function createLogWriter(logsDir: string, rotateBytes: number): LogWriter {
  mkdirSync(logsDir, { recursive: true })
  const file = serverLogPath(logsDir)
  let size = existsSync(file) ? statSync(file).size : 0
  const rotate = (): void => {
    rmSync(serverLogPath(logsDir, maxRotations), { force: true })
    for (let n = maxRotations - 1; n >= 1; n--) {
      const from = serverLogPath(logsDir, n)
      if (existsSync(from)) {
        renameSync(from, serverLogPath(logsDir, n + 1))
      }
    }
    if (existsSync(file)) {
      renameSync(file, serverLogPath(logsDir, 1))
    }
    size = 0
  }
  return {
    file,
    rotate,
    append: lines => {
      let chunk = ''
      let chunkBytes = 0
      const flush = (): void => {
        if (chunk !== '') {
          appendFileSync(file, chunk)
          size += chunkBytes
        }
        chunk = ''
        chunkBytes = 0
      }
      for (const line of lines) {
        const bytes = Buffer.byteLength(line) + 1
        if (size + chunkBytes > 0 && size + chunkBytes + bytes > rotateBytes) {
          flush()
          rotate()
        }
        chunk += `${line}\n`
        chunkBytes += bytes
      }
      flush()
    },
  }
}
