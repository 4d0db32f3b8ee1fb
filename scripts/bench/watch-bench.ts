// The drift watch's idle cost: CPU time of a `hush watch` process against a demo server where
// nothing changes, as a percentage of one core (budget: under 1%). Linux (reads /proc).
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startDemoServer } from '../../electron/demo/start-demo-server'

/** The figures of one idle-watch run. */
export interface WatchBenchFigures {
  readonly idleSeconds: number
  readonly intervalSeconds: number
  readonly cpuSeconds: number
  readonly percentOfCore: number
}

const clockTicks = 100 // USER_HZ, 100 on every Linux build Node supports

async function cpuSecondsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / clockTicks
}

const sleep = (ms: number) => new Promise(done => setTimeout(done, ms))

/**
 * Starts a demo, applies the private profile, starts `hush watch --interval N` as a child
 * process, lets it settle, then measures its CPU time over `idleSeconds`.
 */
export async function runWatchBench(
  options: {
    hushBundle?: string
    idleSeconds?: number
    intervalSeconds?: number
    settleSeconds?: number
  } = {},
): Promise<WatchBenchFigures> {
  const idleSeconds = options.idleSeconds ?? 20
  const intervalSeconds = options.intervalSeconds ?? 5
  const bundle = resolve(options.hushBundle ?? 'dist/hush.mjs')
  const dir = await mkdtemp(join(tmpdir(), 'hush-watch-bench-'))
  const demo = await startDemoServer({ dataDir: join(dir, 'demo'), seed: 7 })
  const common = ['--server', demo.url, '--token', demo.token, '--account-url', demo.url]
  const args = [...common, '--state-dir', join(dir, 'state')]
  try {
    const apply = spawn(process.execPath, [bundle, 'apply', 'private', '--yes', ...args])
    await new Promise(done => apply.on('exit', done))
    const child = spawn(
      process.execPath,
      [bundle, 'watch', '--interval', String(intervalSeconds), ...args],
      {
        stdio: 'ignore',
      },
    )
    const pid = child.pid
    if (pid === undefined) {
      throw new Error('hush watch did not start')
    }
    // Start-up (module load, connecting, the first full check) is not idle cost.
    await sleep((options.settleSeconds ?? 12) * 1000)
    const before = await cpuSecondsOf(pid)
    await sleep(idleSeconds * 1000)
    const cpuSeconds = (await cpuSecondsOf(pid)) - before
    child.kill('SIGINT')
    await new Promise(done => child.on('exit', done))
    return {
      idleSeconds,
      intervalSeconds,
      cpuSeconds,
      percentOfCore: (cpuSeconds / idleSeconds) * 100,
    }
  } finally {
    await demo.close()
    await rm(dir, { recursive: true, force: true })
  }
}

// Run on its own: `node dist/watch-bench.mjs [hush bundle]`.
if (process.argv[1]?.endsWith('watch-bench.mjs')) {
  for (const intervalSeconds of [5, 60]) {
    const figures = await runWatchBench({ hushBundle: process.argv[2], intervalSeconds })
    console.log(
      `watch idle (poll every ${intervalSeconds}s): ${figures.cpuSeconds.toFixed(2)} s CPU in ${figures.idleSeconds} s = ${figures.percentOfCore.toFixed(2)}% of a core (budget < 1%)`,
    )
  }
}
