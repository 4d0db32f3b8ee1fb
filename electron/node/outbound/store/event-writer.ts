import type { Statement } from 'better-sqlite3'
import { keepsErrors, type PrivacyLevel } from '../../../common/outbound/privacy-level'
import {
  field,
  flag,
  none,
  recordEpochMs,
  recordKeyWall,
  recordTime,
  recordWidth,
  type ParsedPiece,
} from '../parse/parsed-piece'
import type { TargetDefinitions } from '../parse/target-numbers'
import { AnswerWriter } from './answer-writer'
import { EventInserts, eventRowWidth } from './event-inserts'
import { prepareTally, type TallyStatements } from './event-tally'
import { StreamTargets } from './stream-targets'
import type { StoreDb } from './open-store'
import { createWriteNamer } from './evidence-names'
import { LogFileIds } from './log-file-ids'
import { recordTimeForm, timeForm } from './stored-time'
import { TargetIds } from './target-ids'
import { WriteTallies, type FloodBucket } from './write-tallies'
import { WritePass, type StoredRow, type WriteResult } from './write-pass'

/** At most this many events per host per clock hour are stored; the rest are counted as dropped. */
export const defaultFloodCap = 20_000

/** How the writer stores events. */
export interface WriterOptions {
  /** Events kept per host per hour (`defaultFloodCap`). */
  readonly floodCap?: number
  /** What Hush keeps of each event (privacy-level.ts); 0 by default. */
  readonly privacyLevel?: PrivacyLevel
  /** Event rows per INSERT (`defaultRowsPerInsert`); 1 stores them one by one. */
  readonly rowsPerInsert?: number
}

/** A tail or import position stored in the same transaction as the events it covers. */
export interface CursorWrite {
  readonly name: string
  readonly state: unknown
}

const hourMs = 3_600_000

/**
 * Writes parse ops to the store in one transaction each, with the cursor and the skipped-line
 * count: a crash leaves either all of a batch and its cursor or none of them. Events arrive
 * redacted (build-event.ts) and are reduced to the privacy level before they are stored; each
 * row points at its target (target-ids.ts).
 */
export class EventWriter {
  private readonly inserts: EventInserts<StoredRow>
  private readonly answers: AnswerWriter
  private readonly targets: TargetIds
  private readonly files: LogFileIds
  /** Names the targets this write added as evidence (evidence-names.ts). */
  private readonly nameTargets: () => void
  private readonly floodGet: Statement
  private readonly floodPut: Statement
  private readonly dailyPut: Statement
  private readonly cursorPut: Statement
  private readonly counterAdd: Statement
  private readonly tally: TallyStatements
  private readonly floodCap: number
  private readonly level: PrivacyLevel
  private readonly streams = new WeakMap<TargetDefinitions, StreamTargets>()
  private readonly run: (
    pieces: readonly ParsedPiece[],
    stream: StreamTargets,
    cursor: CursorWrite | null,
    skipped: number,
  ) => WriteResult

  constructor(db: StoreDb, options: WriterOptions = {}) {
    this.floodCap = options.floodCap ?? defaultFloodCap
    this.level = options.privacyLevel ?? 0
    this.inserts = new EventInserts<StoredRow>(
      db,
      (row, id) => this.stored(row, id),
      row => row.pass.duplicate(row),
      options.rowsPerInsert,
    )
    this.targets = new TargetIds(db)
    this.files = new LogFileIds(db)
    this.nameTargets = createWriteNamer(db)
    this.answers = new AnswerWriter(db, this.level)
    this.floodGet = db.prepare('SELECT count FROM flood WHERE host = ? AND hour = ?').pluck()
    this.floodPut = db.prepare(
      `INSERT INTO flood (host, hour, count) VALUES (?, ?, ?)
       ON CONFLICT (host, hour) DO UPDATE SET count = excluded.count`,
    )
    this.dailyPut = db.prepare(
      `INSERT INTO daily_counts (day, category, host, count) VALUES (?, ?, ?, ?)
       ON CONFLICT (day, category, host) DO UPDATE SET count = count + excluded.count`,
    )
    this.cursorPut = db.prepare(
      'INSERT INTO cursors (name, state) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state',
    )
    this.counterAdd = db.prepare(
      `INSERT INTO counters (name, value) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET value = value + excluded.value`,
    )
    this.tally = prepareTally(db)
    this.run = db.transaction(
      (
        pieces: readonly ParsedPiece[],
        stream: StreamTargets,
        cursor: CursorWrite | null,
        skipped: number,
      ) => this.apply(pieces, stream, cursor, skipped),
    )
  }

  /**
   * Stores pieces (parsed-piece.ts), the cursor and the number of newly skipped lines
   * atomically. `targets` is their stream's (the same object for every call of one stream). The
   * parser has already completed the requests answered within their piece; answer records
   * update the rows of earlier ones.
   */
  write(
    pieces: readonly ParsedPiece[],
    targets: TargetDefinitions,
    {
      cursor = null,
      skippedLines = 0,
    }: { cursor?: CursorWrite | null; skippedLines?: number } = {},
  ): WriteResult {
    let stream = this.streams.get(targets)
    if (!stream) {
      stream = new StreamTargets(targets, this.level, this.targets)
      this.streams.set(targets, stream)
    }
    try {
      return this.run(pieces, stream, cursor, skippedLines)
    } catch (error) {
      // The targets and file names added by the rolled-back transaction are gone: forget their
      // ids, and the rows it had not stored yet.
      this.targets.reset()
      this.files.forget()
      this.inserts.discard()
      throw error
    }
  }

  private apply(
    pieces: readonly ParsedPiece[],
    stream: StreamTargets,
    cursor: CursorWrite | null,
    skipped: number,
  ): WriteResult {
    const pass = new WritePass(stream)
    const { result } = pass
    const tallies = new WriteTallies(
      (host, hour) => (this.floodGet.get(host, hour) as number | undefined) ?? 0,
    )
    // Keyed by numbers (the hour, then the stream's host): no string per row.
    const buckets = new Map<number, FloodBucket>()
    const values: unknown[] = new Array<unknown>(eventRowWidth)
    for (const piece of pieces) {
      stream.learn(piece)
      const fileIdAt = this.files.ofStrings(piece.strings)
      const { strings, records } = piece
      for (let n = 0; n < piece.walls.length; n++) {
        const o = n * recordWidth
        const status =
          records[o + field.status] === none ? null : (records[o + field.status] as number)
        const errorAt = records[o + field.error] as number
        const error = errorAt === none ? null : (strings[errorAt] as string)
        const wall = recordKeyWall(piece, n)
        const h1 = records[o + field.h1] as number
        const h2 = records[o + field.h2] as number
        if (records[o + field.kind] === 1) {
          // The request may be among the rows not stored yet.
          this.inserts.flush()
          result.answered += this.answers.complete([wall, h1, h2], status, error)
          continue
        }
        const t = records[o + field.target] as number
        const ts = recordEpochMs(piece, n)
        const hour = Math.floor(ts / hourMs)
        const bucketKey = hour * 2 ** 21 + stream.hostNumber(t)
        let bucket = buckets.get(bucketKey)
        if (!bucket) {
          bucket = tallies.bucket(stream.rawHost(t), hour)
          buckets.set(bucketKey, bucket)
        }
        if (bucket.count >= this.floodCap && this.inserts.pending > 0) {
          // A bucket counts the rows not stored yet as stored; a duplicate among them would
          // make it full too soon: store them, which takes the duplicates off, and look again.
          this.inserts.flush()
        }
        if (bucket.count >= this.floodCap) {
          bucket.count++
          result.dropped++
          continue
        }
        let time = recordTime(piece, n)
        const day = time.slice(0, 10)
        const keptError = keepsErrors(this.level) ? error : null
        // Counts only: the day, not the time, also in the key.
        const dayStart = this.level === 3 ? Date.parse(`${day}T00:00:00Z`) : 0
        if (this.level === 3) {
          time = day
        }
        const storedTs = this.level === 3 ? dayStart : ts
        const form = this.level === 3 ? timeForm.text : recordTimeForm(piece, n, wall)
        const targetId = stream.idOf(t)
        values[0] = this.level === 3 ? dayStart : wall
        values[1] = h1
        values[2] = h2
        values[3] = storedTs
        values[4] = form === timeForm.text ? time : ''
        values[5] = (records[o + field.flags] as number) & flag.local
        values[6] = targetId
        values[7] = status
        values[8] = keptError
        values[9] = ''
        values[10] = this.level === 3 ? 0 : records[o + field.line]
        values[11] = form
        values[12] = this.level === 3 ? null : fileIdAt(records[o + field.file] as number)
        bucket.count++
        this.inserts.add(values, { pass, t, targetId, day, ts: storedTs, error: keptError, bucket })
      }
    }
    this.inserts.flush()
    stream.addCounts()
    this.targets.flushCounts()
    this.nameTargets()
    pass.addDays(tallies)
    tallies.store(this.floodPut, this.dailyPut)
    pass.tally.store(this.tally)
    if (result.dropped > 0) {
      this.counterAdd.run('dropped', result.dropped)
    }
    if (skipped > 0) {
      this.counterAdd.run('skipped', skipped)
    }
    if (cursor) {
      this.cursorPut.run(cursor.name, JSON.stringify(cursor.state))
    }
    return result
  }

  /** A row is stored: it counts, its error is indexed. */
  private stored(row: StoredRow, id: number): void {
    if (row.error !== null) {
      const kept = row.pass.stream.kept(row.t)
      this.answers.indexError(id, kept.url, kept.service, row.error)
    }
    row.pass.stored(row, id)
  }
}
