// The bench's table: each measured figure printed beside its budget (bench.ts runs them).
import { count, MiB, ms, row } from './bench-table'
import type { ImportFigures, InsertFloorFigures } from './import-bench'
import type { CommandFigures, InProcessFigures } from './parse-bench'
import type { QueryFigures } from './query-bench'
import type { TailBenchFigures } from './tail-bench'

/** What parsing one log measured: the commands, and the parser alone in a child. */
export type ParseFigures = CommandFigures & InProcessFigures

/** The rows of one log's parse, against `rg -c` on it. */
export function printParse(name: string, f: ParseFigures, budget: number): void {
  const ratio = f.cliMbs / f.rgMbs
  const mb = f.bytes / 1e6
  // The command's own start (Node, the bundle) taken away: what the parsing itself reaches.
  const withoutStart = (mb / ((mb / f.cliMbs) * 1000 - f.cliStartMs)) * 1000
  console.log(
    row(`${name}: ${(f.bytes / MiB).toFixed(0)} MiB, ${count(f.events)} events`, '', '', null),
  )
  console.log(
    row("  rg -c 'HTTP requesting' (LC_ALL=C)", `${f.rgMbs.toFixed(0)} MB/s`, 'baseline', null),
  )
  console.log(
    row("  grep -c 'HTTP requesting' (LC_ALL=C)", `${f.grepMbs.toFixed(0)} MB/s`, 'baseline', null),
  )
  console.log(
    row(
      '  hush log parse (CLI, whole run)',
      `${f.cliMbs.toFixed(0)} MB/s`,
      `>= ${budget} x rg`,
      ratio >= budget,
    ),
  )
  console.log(
    row(
      '    ratio to rg / to grep',
      `${ratio.toFixed(3)} / ${(f.cliMbs / f.grepMbs).toFixed(2)}`,
      '',
      null,
    ),
  )
  console.log(row('    CLI start-up alone (empty log)', ms(f.cliStartMs), '', null))
  // What no Node command can beat: the budget is only reachable if this ratio reaches it.
  console.log(
    row(
      '  node reading the file, no parsing / ratio to rg',
      `${f.nodeReadMbs.toFixed(0)} MB/s ${(f.nodeReadMbs / f.rgMbs).toFixed(3)}`,
      'ceiling',
      null,
    ),
  )
  console.log(row('    node start-up alone (node -e 0)', ms(f.nodeStartMs), '', null))
  console.log(
    row(
      '    after start-up / ratio to rg',
      `${withoutStart.toFixed(0)} MB/s ${(withoutStart / f.rgMbs).toFixed(3)}`,
      '',
      null,
    ),
  )
  console.log(
    row(
      '  parser in process, events built, no output',
      `${(mb / (f.inProcessMs / 1000)).toFixed(0)} MB/s`,
      '',
      null,
    ),
  )
}

/** The rows of the import, beside what SQLite alone stores. */
export function printImport(
  f: ImportFigures,
  floor: InsertFloorFigures,
  runs: readonly ImportFigures[],
): void {
  const rate = f.inserted / (f.ms / 1000)
  console.log(
    row(
      `import (${count(f.inserted)} events, cursor incl.), best of ${runs.length}`,
      `${count(rate)} ev/s`,
      '>= 120,000 ev/s',
      rate >= 120_000,
    ),
  )
  const each = runs.map(r => count(r.inserted / (r.ms / 1000))).join(' / ')
  console.log(row('  each run', `${each} ev/s`, '', null))
  // On a shared machine the wall clock also counts other people's work: CPU time does not.
  console.log(
    row('  per CPU second (all threads)', `${count(f.inserted / (f.cpuMs / 1000))} ev/s`, '', null),
  )
  // The ceiling of any import on this schema: SQLite storing the same rows and nothing else.
  const ceiling = floor.rows / (floor.ms / 1000)
  console.log(
    row(
      '  SQLite alone storing the same rows (empty store)',
      `${count(ceiling)} ev/s`,
      'ceiling',
      null,
    ),
  )
  console.log(row('    import / ceiling', `${(rate / ceiling).toFixed(2)}`, '', null))
  console.log(
    row(
      '  peak RSS of the importing process',
      `${f.peakRssMb.toFixed(0)} MB`,
      '< 200 MB',
      f.peakRssMb < 200,
    ),
  )
  console.log(row('  longest pause of the importing thread', ms(f.longestPauseMs), '', null))
}

/** The rows of the dashboard's queries, and the store they ran on (`storeBytes` on disk). */
export function printQueries(q: QueryFigures, storeBytes: number): void {
  console.log(
    row('stored events for the queries', count(q.total), '>= 1,000,000', q.total >= 1_000_000),
  )
  // What a million events cost the owner's disk (the database file, its WAL checkpointed).
  console.log(row('  store on disk', `${(storeBytes / 1e6).toFixed(0)} MB`, '', null))
  // Each start of the core pays it: the retention pass runs when the store opens.
  console.log(row('  opening the store (retention pass included)', ms(q.openMs), '', null))
  const slowest = q.queries.reduce((a, b) => (b.ms > a.ms ? b : a))
  for (const query of q.queries) {
    console.log(row(`  ${query.what}`, ms(query.ms), '< 100 ms', query.ms < 100))
  }
  console.log(row('slowest dashboard query', `${ms(slowest.ms)}`, '< 100 ms', slowest.ms < 100))
  console.log(row(`  (${slowest.what})`, '', '', null))
  console.log(
    row(
      'peak RSS, core process through all queries',
      `${q.peakRssMb.toFixed(0)} MB`,
      '< 150 MB',
      q.peakRssMb < 150,
    ),
  )
}

/** The rows of the live tail. */
export function printTail(tail: TailBenchFigures): void {
  console.log(
    row(
      'live tail: appended line stored, p50 / max',
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
}
