// `npm run bench`: the outbound log against design.md §9, printed side by side in one run.
import { spawnSync } from 'node:child_process'
import { mkdtemp, open, rm, stat } from 'node:fs/promises'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { importFiles } from '../../electron/node/outbound/import/import-files'
import { LogParser } from '../../electron/node/outbound/parse/log-parser'
import { chunkBytes, readOps } from '../../electron/node/outbound/parse/parse-file'
import { LogScanner } from '../../electron/node/outbound/parse/log-scanner'
import { pageEvents } from '../../electron/node/outbound/store/event-queries'
import { eventStats } from '../../electron/node/outbound/store/event-stats'
import { EventWriter } from '../../electron/node/outbound/store/event-writer'
import { openStore } from '../../electron/node/outbound/store/open-store'
import { generateLog } from './generate-log'
import { runTailBench, type TailBenchFigures } from './tail-bench'

const MiB = 1024 * 1024

// `node dist/bench.mjs --generate PATH BYTES START SEED`: the log is written by a child process so
// that the generator's memory does not count in the peak RSS measured for the store.
if (process.argv[2] === '--generate') {
  const [path, bytes, start, seed] = process.argv.slice(3)
  await generateLog(path as string, Number(bytes), Number(start), Number(seed))
  process.exit(0)
}

// `node dist/bench.mjs --queries DB`: the queries on the filled store, in a fresh process, so its
// RSS is that of a core process holding the store (not of the one that parsed 256 MiB).
if (process.argv[2] === '--queries') {
  const db = openStore(process.argv[3] as string)
  const total = db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number
  const figures = {
    total,
    pageMs: median(21, () => pageEvents(db, { category: 'metadata-matching', limit: 200 })),
    hostPageMs: median(21, () =>
      pageEvents(db, { host: 'plex.tv', since: '2025-02-01', limit: 200 }),
    ),
    deepPageMs: median(21, () =>
      pageEvents(db, { category: 'usage', before: Math.floor(total / 2), limit: 200 }),
    ),
    ftsMs: median(21, () => pageEvents(db, { search: 'extras', limit: 200 })),
    ftsRareMs: median(21, () => pageEvents(db, { search: 'updater check', limit: 200 })),
    ftsPrefixMs: median(5, () => pageEvents(db, { search: 'extra*', limit: 200 })),
    dayMs: median(21, () => eventStats(db)),
    dayFilteredMs: median(3, () => eventStats(db, { since: '2000-01-01' })),
    peakRss: 0,
    rss: 0,
  }
  figures.peakRss = process.resourceUsage().maxRSS / 1024
  figures.rss = process.memoryUsage().rss / MiB
  db.close()
  console.log(JSON.stringify(figures))
  process.exit(0)
}

// `node dist/bench.mjs --tail`: the live tail, alone in its process so its CPU time is its own.
if (process.argv[2] === '--tail') {
  console.log(JSON.stringify(await runTailBench()))
  process.exit(0)
}

function generateInChild(path: string, bytes: number, start: number, seed: number): void {
  const r = spawnSync(
    process.execPath,
    [process.argv[1] as string, '--generate', path, String(bytes), String(start), String(seed)],
    {
      stdio: 'inherit',
    },
  )
  if (r.status !== 0) {
    throw new Error('log generation failed')
  }
}
const logBytes = Number(process.env.HUSH_BENCH_MIB ?? 256) * MiB
const targetEvents = Number(process.env.HUSH_BENCH_EVENTS ?? 1_000_000)

function best(runs: number, fn: () => void): number {
  let min = Infinity
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    min = Math.min(min, performance.now() - t)
  }
  return min
}

async function bestAsync(runs: number, fn: () => Promise<void>): Promise<number> {
  let min = Infinity
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    min = Math.min(min, performance.now() - t)
  }
  return min
}

function median(runs: number, fn: () => void): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] as number
}

function command(
  runs: number,
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
  output: 'pipe' | 'ignore' = 'pipe',
): number {
  return best(runs, () => {
    // The counters write to a pipe, not /dev/null: GNU grep stops at the first match when its
    // output is /dev/null, which would time nothing.
    const r = spawnSync(cmd, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', output, 'inherit'],
      maxBuffer: 1024 * 1024 * 1024,
    })
    if (r.status !== 0 && r.status !== 1) {
      throw new Error(`${cmd} failed: ${r.status}`)
    }
  })
}

const row = (what: string, value: string, budget: string, ok: boolean | null): string =>
  `${what.padEnd(44)} ${value.padStart(16)}   ${budget.padEnd(22)} ${ok === null ? '' : ok ? 'ok' : 'MISSED'}`

const dir = await mkdtemp(join(tmpdir(), 'hush-bench-'))
try {
  const logPath = join(dir, 'Plex Media Server.log')
  let t = performance.now()
  generateInChild(logPath, logBytes, Date.UTC(2025, 0, 1), 42)
  const size = (await stat(logPath)).size
  const mb = size / 1e6
  console.log(
    `generated ${(size / MiB).toFixed(0)} MiB with the demo traffic generator in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  )

  // Warm the page cache, then time each reader best of 3 on the same file.
  command(1, 'cat', [logPath])
  const rgMs = command(3, '/usr/bin/rg', ['-c', 'HTTP requesting', logPath], { LC_ALL: 'C' })
  const grepMs = command(3, 'grep', ['-c', 'HTTP requesting', logPath], { LC_ALL: 'C' })
  const cliMs = command(
    2,
    process.execPath,
    [join(process.cwd(), 'dist', 'hush.mjs'), 'log', 'parse', logPath],
    {},
    'ignore',
  )
  let events = 0
  const inProcessMs = await bestAsync(2, async () => {
    events = 0
    const parser = new LogParser({ file: 'Plex Media Server.log' })
    await readOps(logPath, parser, ops => {
      for (const op of ops) {
        events += op.op === 'event' ? 1 : 0
      }
    })
  })
  // The floor under any parser of this log in JavaScript: finding the candidate lines and
  // decoding them, with no parsing at all.
  const scanMs = await bestAsync(2, async () => {
    const scanner = new LogScanner(() => undefined)
    const handle = await open(logPath, 'r')
    try {
      const buffer = Buffer.allocUnsafe(chunkBytes)
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null)
        if (bytesRead === 0) {
          break
        }
        scanner.feed(buffer.subarray(0, bytesRead))
      }
      scanner.finish()
    } finally {
      await handle.close()
    }
  })

  // The older traffic is stored first (as a tailer would have), then the 256 MiB log is imported
  // and timed: ids then follow time, and the store holds at least targetEvents for the queries.
  const db = openStore(join(dir, 'outbound.sqlite'))
  const writer = new EventWriter(db, { floodCap: 1_000_000 })
  const eventsPerByte = events / size
  const olderBytes = Math.max(0, Math.ceil(((targetEvents - events) / eventsPerByte) * 1.03))
  if (olderBytes > 0) {
    const older = join(dir, 'older.log')
    generateInChild(older, olderBytes, Date.UTC(2023, 0, 1), 43)
    await importFiles(db, writer, [older])
    await rm(older)
  }
  t = performance.now()
  const cpu = process.cpuUsage()
  const imported = await importFiles(db, writer, [logPath])
  const importMs = performance.now() - t
  const importCpu = process.cpuUsage(cpu)
  const importCpuMs = (importCpu.user + importCpu.system) / 1000
  db.close()
  const ownPeakRss = process.resourceUsage().maxRSS / 1024
  const q = spawnSync(
    process.execPath,
    [process.argv[1] as string, '--queries', join(dir, 'outbound.sqlite')],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const {
    total,
    pageMs,
    hostPageMs,
    deepPageMs,
    ftsMs,
    ftsRareMs,
    ftsPrefixMs,
    dayMs,
    dayFilteredMs,
    peakRss,
    rss,
  } = JSON.parse(q.stdout) as Record<
    | 'total'
    | 'pageMs'
    | 'hostPageMs'
    | 'deepPageMs'
    | 'ftsMs'
    | 'ftsRareMs'
    | 'ftsPrefixMs'
    | 'dayMs'
    | 'dayFilteredMs'
    | 'peakRss'
    | 'rss',
    number
  >

  const rgMbs = mb / (rgMs / 1000)
  const grepMbs = mb / (grepMs / 1000)
  const cliMbs = mb / (cliMs / 1000)
  const inMbs = mb / (inProcessMs / 1000)
  const importRate = imported.inserted / (importMs / 1000)
  console.log('')
  console.log(row('what', 'measured', 'budget (design.md §9)', null))
  console.log(
    row("rg -c 'HTTP requesting' (LC_ALL=C)", `${rgMbs.toFixed(0)} MB/s`, 'baseline', null),
  )
  console.log(
    row("LC_ALL=C grep -c 'HTTP requesting'", `${grepMbs.toFixed(0)} MB/s`, 'baseline', null),
  )
  console.log(
    row(
      'hush log parse (CLI, NDJSON to /dev/null)',
      `${cliMbs.toFixed(0)} MB/s`,
      '>= 0.5 x rg',
      cliMbs >= rgMbs / 2,
    ),
  )
  console.log(
    row(
      '  ratio to rg / to grep',
      `${(cliMbs / rgMbs).toFixed(2)} / ${(cliMbs / grepMbs).toFixed(2)}`,
      '',
      null,
    ),
  )
  console.log(row('parser in process (no output)', `${inMbs.toFixed(0)} MB/s`, '', null))
  console.log(
    row(
      '  ratio to rg / to grep',
      `${(inMbs / rgMbs).toFixed(2)} / ${(inMbs / grepMbs).toFixed(2)}`,
      '',
      null,
    ),
  )
  console.log(row(`  events found`, `${events}`, '', null))
  const scanMbs = mb / (scanMs / 1000)
  console.log(
    row(
      'line scanner alone (find + decode, no parsing)',
      `${scanMbs.toFixed(0)} MB/s`,
      `${(scanMbs / rgMbs).toFixed(2)} x rg`,
      null,
    ),
  )
  console.log(
    row(
      `import (${imported.inserted} events, cursor incl.)`,
      `${importRate.toFixed(0)} ev/s`,
      '>= 100,000 ev/s',
      importRate >= 100_000,
    ),
  )
  // On a shared machine the wall clock also counts other people's work: CPU time does not.
  console.log(
    row(
      '  per CPU second (all threads)',
      `${(imported.inserted / (importCpuMs / 1000)).toFixed(0)} ev/s`,
      '',
      null,
    ),
  )
  console.log(
    row(
      '  load average (1 min) / cores',
      `${loadavg()[0]?.toFixed(1)} / ${availableParallelism()}`,
      '',
      null,
    ),
  )
  console.log(row(`stored events for the queries`, `${total}`, '>= 1,000,000', total >= 1_000_000))
  console.log(
    row('page of 200, category filter', `${pageMs.toFixed(2)} ms`, '< 20 ms', pageMs < 20),
  )
  console.log(
    row(
      'page of 200, host + since filter',
      `${hostPageMs.toFixed(2)} ms`,
      '< 20 ms',
      hostPageMs < 20,
    ),
  )
  console.log(
    row(
      'page of 200, category, deep keyset',
      `${deepPageMs.toFixed(2)} ms`,
      '< 20 ms',
      deepPageMs < 20,
    ),
  )
  console.log(
    row('full-text search, common word, 200', `${ftsMs.toFixed(2)} ms`, '< 50 ms', ftsMs < 50),
  )
  console.log(
    row(
      'full-text search, rare word, 200',
      `${ftsRareMs.toFixed(2)} ms`,
      '< 50 ms',
      ftsRareMs < 50,
    ),
  )
  console.log(row('  prefix search (extra*), 200', `${ftsPrefixMs.toFixed(2)} ms`, '', null))
  console.log(row('per-category-per-day counts', `${dayMs.toFixed(2)} ms`, '< 100 ms', dayMs < 100))
  console.log(row('  same, scanning events (filtered)', `${dayFilteredMs.toFixed(0)} ms`, '', null))
  const tailRun = spawnSync(process.execPath, [process.argv[1] as string, '--tail'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const tail = JSON.parse(tailRun.stdout) as TailBenchFigures
  console.log(
    row(
      `live tail: appended line stored, p50 / max`,
      `${tail.latencyMs.p50.toFixed(0)} / ${tail.latencyMs.max.toFixed(0)} ms`,
      '< 1000 ms',
      tail.latencyMs.max < 1000,
    ),
  )
  console.log(
    row(
      `live tail idle (poll every ${tail.intervalMs} ms)`,
      `${tail.idlePercentOfCore.toFixed(2)}% core`,
      '< 1% of a core',
      tail.idlePercentOfCore < 1,
    ),
  )
  console.log(
    row(
      'peak RSS, core process with the store',
      `${peakRss.toFixed(0)} MB`,
      '< 150 MB',
      peakRss < 150,
    ),
  )
  console.log(row('  RSS after the queries', `${rss.toFixed(0)} MB`, '', null))
  console.log(
    row('peak RSS of the parsing/importing process', `${ownPeakRss.toFixed(0)} MB`, '', null),
  )
} finally {
  await rm(dir, { recursive: true, force: true })
}
