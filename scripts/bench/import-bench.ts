// An import into a store, alone in its process (`node dist/bench.mjs --import STATE LOG...`), so
// that its peak RSS and CPU time are the importing process's own.
import { importFiles } from '../../electron/node/outbound/import/import-files'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { EventWriter } from '../../electron/node/outbound/store/event-writer'
import { EventInserts } from '../../electron/node/outbound/store/event-inserts'
import { openStore, storePath } from '../../electron/node/outbound/store/open-store'

/** What one import measured. */
export interface ImportFigures {
  readonly inserted: number
  readonly ms: number
  /** CPU time of every thread of the process (the parse worker included). */
  readonly cpuMs: number
  readonly peakRssMb: number
  /**
   * The longest the importing thread's event loop waited (ms): in the desktop app that thread is
   * Electron's main process, whose IPC, tray and timers wait as long.
   */
  readonly longestPauseMs: number
}

/** Imports log files into the store of a state folder, the flood cap out of the way. */
export async function runImportBench(
  stateDir: string,
  paths: readonly string[],
): Promise<ImportFigures> {
  const db = openStore(storePath(stateDir))
  const writer = new EventWriter(db, { floodCap: 1_000_000 })
  const pauses = monitorEventLoopDelay({ resolution: 10 })
  pauses.enable()
  const t = performance.now()
  const cpu = process.cpuUsage()
  const result = await importFiles(db, writer, paths)
  const ms = performance.now() - t
  const used = process.cpuUsage(cpu)
  pauses.disable()
  db.close()
  return {
    inserted: result.inserted,
    ms,
    cpuMs: (used.user + used.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    longestPauseMs: pauses.max / 1e6,
  }
}

/**
 * One figure of several runs of the same import: the fastest run's time and CPU, as the commands
 * beside it are timed best of three (a busy moment of a shared machine is not the import's speed),
 * and the worst peak RSS and pause of them all (a budget that holds in one run only does not hold).
 */
export function bestImport(runs: readonly ImportFigures[]): ImportFigures {
  const fastest = runs.reduce((best, r) => (r.ms < best.ms ? r : best))
  return {
    ...fastest,
    peakRssMb: Math.max(...runs.map(r => r.peakRssMb)),
    longestPauseMs: Math.max(...runs.map(r => r.longestPauseMs)),
  }
}

/** What storing the rows alone costs: SQLite's share of an import. */
export interface InsertFloorFigures {
  readonly rows: number
  readonly ms: number
}

/**
 * Stores the last `last` events of an imported store again, into a new store beside it, with the
 * writer's own statements (`EventInserts`) in transactions of `perTransaction` rows and nothing
 * else: no parsing, targets or tallies. No import into an empty store can be faster on the same schema.
 */
export function runInsertFloor(
  stateDir: string,
  last: number,
  perTransaction: number,
): InsertFloorFigures {
  const source = openStore(storePath(stateDir))
  const floorDir = join(stateDir, 'insert-floor')
  const db = openStore(storePath(floorDir))
  const inserts = new EventInserts<null>(
    db,
    () => undefined,
    () => undefined,
  )
  const read = source
    .prepare(
      `SELECT id, wall, h1, h2, ts, time, local_time, target, status, error, file, line,
         time_form, file_id FROM events WHERE id > ? ORDER BY id LIMIT ?`,
    )
    .raw()
  const store = db.transaction((rows: unknown[][]) => {
    for (const r of rows) {
      inserts.add(r.slice(1), null)
    }
    inserts.flush()
  })
  let rows = 0
  let ms = 0
  const maxId = source.prepare('SELECT MAX(id) FROM events').pluck().get() as number
  for (let after = maxId - last; ;) {
    const batch = read.all(after, perTransaction) as unknown[][]
    if (batch.length === 0) {
      break
    }
    const t = performance.now()
    store(batch)
    ms += performance.now() - t
    rows += batch.length
    after = (batch.at(-1) as unknown[])[0] as number
  }
  source.close()
  db.close()
  rmSync(floorDir, { recursive: true, force: true })
  return { rows, ms }
}
