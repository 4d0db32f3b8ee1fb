import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { totalSkipped } from '../../../common/outbound/outbound-event'
import {
  maxRotations,
  rotatedLogName,
  serverLogName,
} from '../../../common/outbound/server-log-names'
import { readHeadPrint } from '../import/log-files'
import { parseInThread } from '../parse/parse-batches'
import { field, recordTime, recordWidth, type ParsedPiece } from '../parse/parsed-piece'
import { chunkBytes } from '../parse/read-chunks'
import { TargetDefinitions } from '../parse/target-numbers'
import type { EventWriter } from '../store/event-writer'
import type { StoreDb } from '../store/open-store'
import { needsHeads, planReads, type SeenFile, type TailCursor } from './tail-plan'

/** How often the server's log is polled: an appended line is stored within about this long. */
export const defaultTailIntervalMs = 500

/** Timers, injectable so tests drive polls themselves. */
export interface TailClock {
  readonly setTimeout: (run: () => void, ms: number) => unknown
  readonly clearTimeout: (handle: unknown) => void
}

/** The real timers. */
export const systemClock: TailClock = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: handle => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/** What one poll did. */
export interface PollResult {
  readonly inserted: number
  readonly answered: number
  readonly newest: string | null
  readonly logPresent: boolean
}

/** Options of a TailFollower. */
export interface TailOptions {
  readonly db: StoreDb
  readonly writer: EventWriter
  readonly logsDir: string
  /** Poll interval; 500 ms keeps an appended line under 1 s from the store. */
  readonly intervalMs?: number
  readonly clock?: TailClock
  readonly onPoll?: (result: PollResult) => void
}

async function seeFile(
  dir: string,
  rank: number,
): Promise<{ rank: number; identity: string; size: number } | null> {
  try {
    const s = await stat(join(dir, rotatedLogName(rank)), { bigint: true })
    return s.isFile() ? { rank, identity: `${s.dev}:${s.ino}`, size: Number(s.size) } : null
  } catch {
    return null
  }
}

/**
 * Follows a server's `Logs/` folder by polling `Plex Media Server.log` and its rotated copies
 * (never fs.watch, which misses renames on network shares), reading what is new into the store.
 * Each chunk's events are written with the cursor in one transaction; the plan of what to read
 * is the pure planReads. When idle, a poll is six stat calls.
 */
export class TailFollower {
  private cursor: TailCursor | null
  private readonly name: string
  private timer: unknown = null
  private running: Promise<PollResult> | null = null
  private stopped = true

  constructor(private readonly options: TailOptions) {
    this.name = `tail:${options.logsDir}`
    const text = options.db
      .prepare('SELECT state FROM cursors WHERE name = ?')
      .pluck()
      .get(this.name) as string | undefined
    this.cursor = text ? (JSON.parse(text) as TailCursor) : null
  }

  /** Starts polling. */
  start(): void {
    if (!this.stopped) {
      return
    }
    this.stopped = false
    this.schedule(0)
  }

  /** Stops polling and waits for a poll in progress. */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer !== null) {
      ;(this.options.clock ?? systemClock).clearTimeout(this.timer)
      this.timer = null
    }
    await this.running
  }

  /** Runs one poll now (polls never overlap). */
  pollOnce(): Promise<PollResult> {
    this.running ??= this.poll().finally(() => {
      this.running = null
    })
    return this.running
  }

  private schedule(ms: number): void {
    const clock = this.options.clock ?? systemClock
    this.timer = clock.setTimeout(() => {
      this.timer = null
      void this.pollOnce()
        .then(result => this.options.onPoll?.(result))
        .catch(() => undefined)
        .finally(() => {
          if (!this.stopped) {
            this.schedule(this.options.intervalMs ?? defaultTailIntervalMs)
          }
        })
    }, ms)
  }

  private async poll(): Promise<PollResult> {
    const dir = this.options.logsDir
    const seen = (
      await Promise.all(Array.from({ length: maxRotations + 1 }, (_, rank) => seeFile(dir, rank)))
    ).filter((f): f is NonNullable<typeof f> => f !== null)
    const live = seen.find(f => f.rank === 0) ?? null
    const result = {
      inserted: 0,
      answered: 0,
      newest: null as string | null,
      logPresent: seen.length > 0,
    }
    if (!needsHeads(this.cursor, live)) {
      return result
    }
    const cursor = this.cursor
    const files: SeenFile[] = await Promise.all(
      seen.map(async f => ({
        ...f,
        headHash:
          cursor && f.size >= cursor.head.length
            ? ((await readHeadPrint(join(dir, rotatedLogName(f.rank)), cursor.head.length))?.hash ??
              null)
            : null,
      })),
    )
    for (const step of planReads(cursor, files)) {
      const file = files.find(f => f.rank === step.rank)
      if (!file) {
        continue
      }
      await this.readStep(file, step.from, step.lineNo, result)
    }
    return result
  }

  private async readStep(
    file: SeenFile,
    from: number,
    lineNo: number,
    result: { inserted: number; answered: number; newest: string | null },
  ): Promise<void> {
    const path = join(this.options.logsDir, rotatedLogName(file.rank))
    const head = await readHeadPrint(path)
    if (!head) {
      return
    }
    const targets = new TargetDefinitions()
    let reported = 0
    const job = {
      path,
      file: file.rank === 0 ? serverLogName : rotatedLogName(file.rank),
      state: this.cursor?.parser,
      start: { offset: from, lineNo },
      batchBytes: tailBatchBytes,
      // A last line without a newline may still be being written, unless the file was rotated.
      finish: file.rank > 0,
    }
    await parseInThread(job, batch => {
      if (
        batch.pieces.length === 0 &&
        this.cursor?.identity === file.identity &&
        this.cursor.offset === batch.position.offset
      ) {
        // Nothing new (a line still being written): no transaction, so an idle poll writes nothing.
        return
      }
      const next: TailCursor = {
        identity: file.identity,
        head,
        ...batch.position,
        parser: batch.state,
      }
      const skipped = totalSkipped(batch.skipped)
      // An empty file has no head to be found by: keep the previous cursor until it has one.
      const keep = head.length > 0
      const r = this.options.writer.write(batch.pieces, targets, {
        cursor: keep ? { name: this.name, state: next } : null,
        skippedLines: skipped - reported,
      })
      reported = skipped
      if (keep) {
        this.cursor = next
      }
      result.inserted += r.inserted
      result.answered += r.answered + batch.folded
      result.newest = newestTime(batch.pieces) ?? result.newest
    })
  }
}

/** Bytes of log per transaction while following. */
const tailBatchBytes = chunkBytes

/** The time of the last event of some pieces, or null when they hold none. */
function newestTime(pieces: readonly ParsedPiece[]): string | null {
  for (let p = pieces.length - 1; p >= 0; p--) {
    const piece = pieces[p] as ParsedPiece
    for (let n = piece.walls.length - 1; n >= 0; n--) {
      if (piece.records[n * recordWidth + field.kind] === 0) {
        return recordTime(piece, n)
      }
    }
  }
  return null
}
