// `npm run bench`: the outbound log against its budgets (design.md §9 and the speed issue),
// every figure beside its budget, measured side by side in one run.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { importBatchBytes } from '../../electron/node/outbound/import/import-files'
import { count, MiB, row } from './bench-table'
import { printImport, printParse, printQueries, printTail, type ParseFigures } from './bench-report'
import { generateLog } from './generate-log'
import {
  bestImport,
  runImportBench,
  runInsertFloor,
  type ImportFigures,
  type InsertFloorFigures,
} from './import-bench'
import { benchCommands, runParseInProcess, type InProcessFigures } from './parse-bench'
import { runFirstEvidence, runQueryBench, type QueryFigure, type QueryFigures } from './query-bench'
import { generateRealisticLog } from './realistic-log'
import { runTailBench, type TailBenchFigures } from './tail-bench'

const [mode, ...args] = process.argv.slice(2)

// Child modes: each measured thing runs in a process of its own, so that its memory and CPU
// are its own (the generators' memory never counts, nor the parsers' in the store's RSS).
if (mode === '--generate' || mode === '--generate-realistic') {
  const [path, bytes, start, seed] = args
  const generate = mode === '--generate' ? generateLog : generateRealisticLog
  const written = await generate(path as string, Number(bytes), Number(start), Number(seed))
  console.log(JSON.stringify(written))
  process.exit(0)
}
if (mode === '--parse-in-process') {
  console.log(JSON.stringify(await runParseInProcess(args[0] as string)))
  process.exit(0)
}
if (mode === '--import') {
  console.log(JSON.stringify(await runImportBench(args[0] as string, args.slice(1))))
  process.exit(0)
}
if (mode === '--insert-floor') {
  const [state, last, per] = args
  console.log(JSON.stringify(runInsertFloor(state as string, Number(last), Number(per))))
  process.exit(0)
}
if (mode === '--evidence') {
  console.log(JSON.stringify(runFirstEvidence(args[0] as string)))
  process.exit(0)
}
if (mode === '--queries') {
  console.log(JSON.stringify(runQueryBench(args[0] as string)))
  process.exit(0)
}
if (mode === '--tail') {
  console.log(JSON.stringify(await runTailBench()))
  process.exit(0)
}

/**
 * Runs this bench in a child mode and returns what it printed, parsed. Linux starts a child's
 * peak RSS at its parent's RSS at the fork, so this process stays small: it parses nothing itself
 * and buffers no command's output, and it prints its own peak under the table.
 */
function child<T>(...childArgs: string[]): T {
  const r = spawnSync(process.execPath, [process.argv[1] as string, ...childArgs], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * MiB,
  })
  if (r.status !== 0) {
    throw new Error(`bench step ${childArgs[0]} failed`)
  }
  return JSON.parse(r.stdout) as T
}

async function benchParse(log: string, dir: string): Promise<ParseFigures> {
  return {
    ...(await benchCommands(log, dir)),
    ...child<InProcessFigures>('--parse-in-process', log),
  }
}

const logBytes = Number(process.env.HUSH_BENCH_MIB ?? 256) * MiB
const targetEvents = Number(process.env.HUSH_BENCH_EVENTS ?? 1_000_000)
const start2025 = String(Date.UTC(2025, 0, 1))

const dir = await mkdtemp(join(tmpdir(), 'hush-bench-'))
try {
  const load = [loadavg()[0] ?? 0]
  const heavy = join(dir, 'heavy', 'Plex Media Server.log')
  const realistic = join(dir, 'realistic', 'Plex Media Server.log')
  await mkdir(join(dir, 'heavy'))
  await mkdir(join(dir, 'realistic'))
  child('--generate', heavy, String(logBytes), start2025, '42')
  const realCounts = child<{ lines: number; exchangeLines: number }>(
    '--generate-realistic',
    realistic,
    String(logBytes),
    start2025,
    '42',
  )
  const realFigures = await benchParse(realistic, dir)
  const heavyFigures = await benchParse(heavy, dir)
  load.push(loadavg()[0] ?? 0)

  // The older traffic is stored first (as a tailer would have), then the exchange-heavy log is
  // imported and timed: ids then follow time, and the store holds at least targetEvents.
  const state = join(dir, 'state')
  const olderBytes = Math.ceil(
    ((targetEvents - heavyFigures.events) / heavyFigures.events) * logBytes * 1.03,
  )
  if (olderBytes > 0) {
    const older = join(dir, 'older.log')
    child('--generate', older, String(olderBytes), String(Date.UTC(2023, 0, 1)), '43')
    child('--import', state, older)
    await rm(older)
  }
  // Twice, each into its own copy of the store with the older traffic (bestImport).
  const again = join(dir, 'state-again')
  if (existsSync(state)) {
    await cp(state, again, { recursive: true })
  }
  const importRuns = [state, again].map(into => child<ImportFigures>('--import', into, heavy))
  await rm(again, { recursive: true, force: true })
  const imported = bestImport(importRuns)
  // As many rows per transaction as the import stored per batch; the faster of two, as a ceiling.
  const perBatch = Math.ceil(imported.inserted / (logBytes / importBatchBytes))
  const insertFloor = [1, 2]
    .map(() =>
      child<InsertFloorFigures>(
        '--insert-floor',
        state,
        String(imported.inserted),
        String(perBatch),
      ),
    )
    .reduce((best, f) => (f.rows / f.ms > best.rows / best.ms ? f : best))
  load.push(loadavg()[0] ?? 0)
  const firstEvidence = child<QueryFigure>('--evidence', join(state, 'outbound.sqlite'))
  const measured = child<QueryFigures>('--queries', join(state, 'outbound.sqlite'))
  const queries = { ...measured, queries: [firstEvidence, ...measured.queries] }
  const tail = child<TailBenchFigures>('--tail')
  load.push(loadavg()[0] ?? 0)

  console.log('')
  console.log(row('what', 'measured', 'budget', null))
  console.log(row('machine', `${availableParallelism()} x ${cpus()[0]?.model ?? '?'}`, '', null))
  console.log(
    row('load average (1 min) at each step', load.map(l => l.toFixed(1)).join(' / '), '', null),
  )
  const share = realCounts.exchangeLines / realCounts.lines
  console.log(
    row(
      `realistic log: exchange lines`,
      `${(share * 100).toFixed(1)}% of ${count(realCounts.lines)}`,
      '1-3%',
      share >= 0.01 && share <= 0.03,
    ),
  )
  printParse('realistic log', realFigures, 0.5)
  printParse('exchange-heavy log', heavyFigures, 0.1)
  printImport(imported, insertFloor, importRuns)
  printQueries(queries, (await stat(join(state, 'outbound.sqlite'))).size)
  printTail(tail)
  const ownRssMb = process.resourceUsage().maxRSS / 1024
  console.log(`(${(await stat(heavy)).size} bytes per log; 1 MB = 10^6 bytes; this process peaked`)
  console.log(` at ${ownRssMb.toFixed(0)} MB, the floor of every child's peak RSS)`)
} finally {
  await rm(dir, { recursive: true, force: true })
}
