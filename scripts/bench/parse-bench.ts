// Parsing one log, side by side with `rg -c` and `grep -c` on the same file in the same run.
import { spawn } from 'node:child_process'
import { stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { bestAsync } from './bench-table'
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

/** Runs a command once; its output goes to a pipe that this process reads and throws away. */
function runOnce(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // To a pipe, not /dev/null: GNU grep stops at the first match when its output is /dev/null.
    // Read and dropped as it comes: buffered, the CLI's output (260 MB of NDJSON) would grow this
    // process, and with it the peak RSS its later children start from.
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
 * Measures a log: rg, grep, `hush log parse` (whole run and start-up alone), the parser alone
 * (`inProcess`, which runs `runParseInProcess` in a child), and what Node itself costs (starting;
 * reading the file and nothing else).
 */
export async function benchParse(
  logPath: string,
  dir: string,
  inProcess: (logPath: string) => InProcessFigures,
): Promise<ParseFigures> {
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
  const { inProcessMs, events } = inProcess(logPath)
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

/** The parser alone in a process: best of two runs, events built, no output. */
export interface InProcessFigures {
  readonly inProcessMs: number
  readonly events: number
}

/**
 * Parses a log in this process (`node dist/bench.mjs --parse-in-process LOG`). A child of its own:
 * a parent grown by parsing would lend its peak RSS to every process it starts after, which
 * Linux counts from the parent's memory at the fork.
 */
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
