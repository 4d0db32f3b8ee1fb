// An import into a store, alone in its process (`node dist/bench.mjs --import STATE LOG...`), so
// that its peak RSS and CPU time are the importing process's own.
import { importFiles } from '../../electron/node/outbound/import/import-files'
import { EventWriter } from '../../electron/node/outbound/store/event-writer'
import { openStore, storePath } from '../../electron/node/outbound/store/open-store'

/** What one import measured. */
export interface ImportFigures {
  readonly inserted: number
  readonly ms: number
  /** CPU time of every thread of the process (the parse worker included). */
  readonly cpuMs: number
  readonly peakRssMb: number
}

/** Imports log files into the store of a state folder, the flood cap out of the way. */
export async function runImportBench(
  stateDir: string,
  paths: readonly string[],
): Promise<ImportFigures> {
  const db = openStore(storePath(stateDir))
  const writer = new EventWriter(db, { floodCap: 1_000_000 })
  const t = performance.now()
  const cpu = process.cpuUsage()
  const result = await importFiles(db, writer, paths)
  const ms = performance.now() - t
  const used = process.cpuUsage(cpu)
  db.close()
  return {
    inserted: result.inserted,
    ms,
    cpuMs: (used.user + used.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }
}
