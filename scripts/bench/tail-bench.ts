// The live tail against docs/performance.md: how long an appended exchange line takes to be in the
// store, and the tail's CPU while the server's log is quiet. Run in a process of its own
// (`node dist/bench.mjs --tail`), so that its CPU time is the tail's alone.
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openOutboundLog } from '../../electron/node/outbound/outbound-log'
import { defaultTailIntervalMs } from '../../electron/node/outbound/tail/tail-follower'
import { headerAt } from '../../electron/node/outbound/testing/synthetic-log'

/** The figures of one tail run. */
export interface TailBenchFigures {
  readonly intervalMs: number
  readonly latencyMs: { readonly p50: number; readonly max: number; readonly samples: number }
  readonly idleSeconds: number
  readonly idlePercentOfCore: number
}

const sleep = (ms: number) => new Promise(done => setTimeout(done, ms))

/**
 * Follows a Logs folder as the app does (default poll interval), appends one request line at a
 * time at uneven moments and times each until it is stored; then measures CPU with no appends.
 */
export async function runTailBench(
  options: { samples?: number; idleSeconds?: number } = {},
): Promise<TailBenchFigures> {
  const samples = options.samples ?? 20
  const idleSeconds = options.idleSeconds ?? 20
  const dir = await mkdtemp(join(tmpdir(), 'hush-tail-bench-'))
  const logsDir = join(dir, 'Logs')
  const logPath = join(logsDir, 'Plex Media Server.log')
  await mkdir(logsDir)
  await writeFile(logPath, '')
  const log = openOutboundLog({ stateDir: join(dir, 'state') })
  let stored = 0
  let onStored: (() => void) | null = null
  log.onRecorded(count => {
    stored += count
    onStored?.()
  })
  try {
    await log.follow(logsDir)
    const latencies: number[] = []
    for (let i = 0; i < samples; i++) {
      // Uneven moments, so the appends fall anywhere in the poll interval.
      await sleep(137 + ((i * 389) % 700))
      const expected = stored + 1
      const done = new Promise<void>(resolve => {
        onStored = () => {
          if (stored >= expected) {
            resolve()
          }
        }
      })
      const start = performance.now()
      await appendFile(
        logPath,
        `${headerAt(Date.now(), '0x7f01')}[HCl#${(0x500 + i).toString(16)}] HTTP requesting GET https://plex.tv/api/v2/ping?n=${i}\n`,
      )
      await done
      latencies.push(performance.now() - start)
    }
    onStored = null
    latencies.sort((a, b) => a - b)
    const cpu = process.cpuUsage()
    await sleep(idleSeconds * 1000)
    const used = process.cpuUsage(cpu)
    return {
      intervalMs: defaultTailIntervalMs,
      latencyMs: {
        p50: latencies[Math.floor(latencies.length / 2)] as number,
        max: latencies[latencies.length - 1] as number,
        samples,
      },
      idleSeconds,
      idlePercentOfCore: ((used.user + used.system) / 1e6 / idleSeconds) * 100,
    }
  } finally {
    await log.close()
    await rm(dir, { recursive: true, force: true })
  }
}
