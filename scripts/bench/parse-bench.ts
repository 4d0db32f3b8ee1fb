// Parsing one log, side by side with `rg -c` and `grep -c` on the same file in the same run.
import { spawn } from 'node:child_process'
import { stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { bestAsync } from './bench-table'
import { parseFiles } from '../../electron/node/outbound/parse/parse-file'

/** The parser alone in a process of its own: best of two runs, events built, no output. */
export interface InProcessFigures {
  readonly inProcessMs: number
  readonly events: number
}

/** The commands' figures of one log, in MB/s (1 MB = 10^6 bytes). */
export interface CommandFigures {
  readonly bytes: number
  readonly rgMbs: number
  readonly grepMbs: number
  /** `hush log parse` as a command, start to end, NDJSON to a pipe. */
  readonly cliMbs: number
  /** The same command on an empty log: what starting Node and the CLI costs. */
  readonly cliStartMs: number
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

/** Runs a command once; its output goes to a pipe that this process reads and throws away. */
function runOnce(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // To a pipe, not /dev/null: GNU grep stops at the first match when its output is /dev/null.
    // Read and dropped as it comes, not buffered: the CLI writes 260 MB of NDJSON, and this
    // process must stay small (bench.ts `child`).
    const p = spawn(cmd, args, {
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    p.stdout.resume()
    p.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000)
    })
    p.on('error', reject)
    p.on('close', code => {
      if (code === 0 || code === 1) {
        resolve()
      } else {
        reject(new Error(`${cmd} failed: ${code} ${stderr}`))
      }
    })
  })
}

/** Runs a command `runs` times and keeps the best time. */
function command(runs: number, cmd: string, args: string[]): Promise<number> {
  return bestAsync(runs, () => runOnce(cmd, args))
}

/**
 * Measures a log with commands: rg, grep, `hush log parse` (whole run and start-up alone), and
 * what Node itself costs (starting; reading the file and nothing else).
 */
export async function benchCommands(logPath: string, dir: string): Promise<CommandFigures> {
  const bytes = (await stat(logPath)).size
  const mb = bytes / 1e6
  // Warm the page cache, then time each reader best of 3 on the same file.
  await command(1, 'cat', [logPath])
  const rgMs = await command(3, '/usr/bin/rg', ['-c', 'HTTP requesting', logPath])
  const grepMs = await command(3, 'grep', ['-c', 'HTTP requesting', logPath])
  const hush = join(process.cwd(), 'dist', 'hush.mjs')
  const cliMs = await command(3, process.execPath, [hush, 'log', 'parse', logPath])
  const empty = join(dir, 'empty.log')
  await writeFile(empty, '')
  const cliStartMs = await command(3, process.execPath, [hush, 'log', 'parse', empty])
  const nodeStartMs = await command(3, process.execPath, ['-e', '0'])
  const nodeReadMs = await command(3, process.execPath, ['-e', readOnly, logPath])
  return {
    bytes,
    rgMbs: mb / (rgMs / 1000),
    grepMbs: mb / (grepMs / 1000),
    cliMbs: mb / (cliMs / 1000),
    cliStartMs,
    nodeStartMs,
    nodeReadMbs: mb / (nodeReadMs / 1000),
  }
}

/** Parses a log in this process (`node dist/bench.mjs --parse-in-process LOG`, a child). */
export async function runParseInProcess(logPath: string): Promise<InProcessFigures> {
  let events = 0
  const inProcessMs = await bestAsync(2, async () => {
    events = 0
    await parseFiles([logPath], batch => {
      events += batch.length
    })
  })
  return { inProcessMs, events }
}
