// Parsing one log, side by side with `rg -c` and `grep -c` on the same file in the same run.
import { spawnSync } from 'node:child_process'
import { stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { best, bestAsync } from './bench-table'
import { parseFiles } from '../../electron/node/outbound/parse/parse-file'

/** The figures of one log, in MB/s (1 MB = 10^6 bytes). */
export interface ParseFigures {
  readonly bytes: number
  readonly rgMbs: number
  readonly grepMbs: number
  /** `hush log parse` as a command, start to end, NDJSON to a pipe. */
  readonly cliMbs: number
  /** The same command on an empty log: what starting Node and the CLI costs. */
  readonly cliStartMs: number
  /** The parser in this process, events built, no output. */
  readonly inProcessMs: number
  readonly events: number
  /** `node` starting and ending, nothing else. */
  readonly nodeStartMs: number
  /** `node` reading the file in 1 MiB chunks and nothing else: the ceiling of any Node command. */
  readonly nodeReadMbs: number
}

// The least a Node command must do with a log: read it through one reused 1 MiB buffer.
const readOnly = `const fs = require('node:fs')
const fd = fs.openSync(process.argv[1], 'r')
const buf = Buffer.allocUnsafe(1 << 20)
while (fs.readSync(fd, buf, 0, buf.length, null) > 0) {}`

/** Runs a command `runs` times, keeping the best; its output goes to a pipe and is discarded. */
function command(runs: number, cmd: string, args: string[]): number {
  return best(runs, () => {
    // To a pipe, not /dev/null: GNU grep stops at the first match when its output is /dev/null.
    const r = spawnSync(cmd, args, {
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 2 * 1024 * 1024 * 1024,
    })
    if (r.status !== 0 && r.status !== 1) {
      throw new Error(`${cmd} failed: ${r.status} ${String(r.stderr)}`)
    }
  })
}

/**
 * Measures a log: rg, grep, `hush log parse` (whole run and start-up alone), the parser alone,
 * and what Node itself costs (starting; reading the file and nothing else).
 */
export async function benchParse(logPath: string, dir: string): Promise<ParseFigures> {
  const bytes = (await stat(logPath)).size
  const mb = bytes / 1e6
  // Warm the page cache, then time each reader best of 3 on the same file.
  command(1, 'cat', [logPath])
  const rgMs = command(3, '/usr/bin/rg', ['-c', 'HTTP requesting', logPath])
  const grepMs = command(3, 'grep', ['-c', 'HTTP requesting', logPath])
  const hush = join(process.cwd(), 'dist', 'hush.mjs')
  const cliMs = command(3, process.execPath, [hush, 'log', 'parse', logPath])
  const empty = join(dir, 'empty.log')
  await writeFile(empty, '')
  const cliStartMs = command(3, process.execPath, [hush, 'log', 'parse', empty])
  const nodeStartMs = command(3, process.execPath, ['-e', '0'])
  const nodeReadMs = command(3, process.execPath, ['-e', readOnly, logPath])
  let events = 0
  const inProcessMs = await bestAsync(2, async () => {
    events = 0
    await parseFiles([logPath], batch => {
      events += batch.length
    })
  })
  return {
    bytes,
    rgMbs: mb / (rgMs / 1000),
    grepMbs: mb / (grepMs / 1000),
    cliMbs: mb / (cliMs / 1000),
    cliStartMs,
    inProcessMs,
    events,
    nodeStartMs,
    nodeReadMbs: mb / (nodeReadMs / 1000),
  }
}
