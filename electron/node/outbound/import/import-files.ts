import { stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import {
  emptySkipCounts,
  totalSkipped,
  type SkipCounts,
} from '../../../common/outbound/outbound-event'
import { readHeadPrint, type HeadPrint } from './log-files'
import type { ParserState } from '../parse/log-parser'
import { parseBatches, type ParseJob, type ParsedBatch } from '../parse/parse-batches'
import type { EventWriter } from '../store/event-writer'
import { storeCacheKib, type StoreDb } from '../store/open-store'

/** The stored position of an imported file. */
interface ImportCursor {
  readonly head: HeadPrint
  readonly offset: number
  readonly lineNo: number
  readonly parser: ParserState
}

/** What an import did. */
export interface ImportResult {
  files: number
  inserted: number
  answered: number
  duplicates: number
  dropped: number
  skipped: SkipCounts
}

/**
 * Bytes of log per transaction when importing: ~6k events a commit on an exchange-heavy log,
 * enough that the cost of a commit (every index page it touched is written once) is shared by
 * many rows (measured: no slower than 16 MiB), while what one batch holds stays small.
 */
export const importBatchBytes = 4 * 1024 * 1024

/**
 * The page cache while importing (KiB, negative as SQLite wants); the store's default after.
 * The indexes and tallies grow at their ends (keys start with the time), so a small cache holds
 * what an insert touches: measured as fast with 4 MiB as with 64 MiB, into a store of 600,000
 * events, and the importing process stays under 200 MB (16 MiB: 207 MB).
 */
const importCacheKib = -4096

function readCursor(db: StoreDb, name: string): ImportCursor | null {
  const text = db.prepare('SELECT state FROM cursors WHERE name = ?').pluck().get(name) as
    string | undefined
  return text ? (JSON.parse(text) as ImportCursor) : null
}

/**
 * Imports log files into the store, each resumable: every chunk's events are written in one
 * transaction with the file's cursor (head fingerprint, offset, line, correlation state), so an
 * import killed mid-way and run again continues where it stopped and stores each exchange once.
 */
export async function importFiles(
  db: StoreDb,
  writer: EventWriter,
  paths: readonly string[],
): Promise<ImportResult> {
  const result: ImportResult = {
    files: 0,
    inserted: 0,
    answered: 0,
    duplicates: 0,
    dropped: 0,
    skipped: emptySkipCounts(),
  }
  db.pragma(`cache_size = ${importCacheKib}`)
  try {
    await importEach(db, writer, paths, result)
  } finally {
    // The store's own, not the one found at the start: an import running beside this one (a
    // manual import during a remote pull) may have set it.
    db.pragma(`cache_size = ${storeCacheKib}`)
  }
  return result
}

async function importEach(
  db: StoreDb,
  writer: EventWriter,
  paths: readonly string[],
  result: ImportResult,
): Promise<void> {
  let carried: ParserState | undefined
  for (const path of paths) {
    const name = `import:${resolve(path)}`
    const size = (await stat(path)).size
    const head = await readHeadPrint(path)
    if (!head) {
      throw new Error(`cannot read ${path}`)
    }
    const saved = readCursor(db, name)
    const resumeHead = saved ? await readHeadPrint(path, saved.head.length) : null
    const resumable = saved !== null && resumeHead?.hash === saved.head.hash && size >= saved.offset
    let reported = 0
    let last: ParsedBatch | null = null
    const job: ParseJob = {
      path,
      file: basename(path),
      state: resumable ? saved.parser : carried,
      start: resumable ? { offset: saved.offset, lineNo: saved.lineNo } : undefined,
      batchBytes: importBatchBytes,
    }
    await parseBatches(job, batch => {
      const skippedNow = totalSkipped(batch.skipped)
      const cursor: ImportCursor = { head, ...batch.position, parser: batch.state }
      const r = writer.write(batch.pieces, batch.targets, {
        cursor: { name, state: cursor },
        skippedLines: skippedNow - reported,
      })
      reported = skippedNow
      result.inserted += r.inserted
      result.answered += batch.folded + r.answered
      result.duplicates += r.duplicates
      result.dropped += r.dropped
      last = batch
    })
    const final = last as ParsedBatch | null
    if (final) {
      for (const reason of Object.keys(result.skipped) as (keyof SkipCounts)[]) {
        result.skipped[reason] += final.skipped[reason]
      }
      carried = final.state
    }
    result.files++
  }
}
