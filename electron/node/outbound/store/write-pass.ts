import { TallyBatch } from './event-tally'
import type { StreamTargets } from './stream-targets'
import type { FloodBucket, WriteTallies } from './write-tallies'

/** What one write did. */
export interface WriteResult {
  inserted: number
  answered: number
  duplicates: number
  dropped: number
}

/** A row handed to the INSERTs, and what storing it adds to its write's counts. */
export interface StoredRow {
  readonly pass: WritePass
  /** The target's number in its stream. */
  readonly t: number
  readonly targetId: number
  readonly day: string
  readonly ts: number
  readonly error: string | null
  readonly bucket: FloodBucket
}

interface DayCount {
  readonly day: string
  readonly group: number
  count: number
}

/**
 * The counts of one write while it is applied: its result, its stored events per day and target
 * group, and its tallies per block (event-tally.ts). Keyed by numbers: no string per row.
 */
export class WritePass {
  readonly result: WriteResult = { inserted: 0, answered: 0, duplicates: 0, dropped: 0 }
  readonly tally = new TallyBatch()
  private readonly days = new Map<number, DayCount>()

  constructor(readonly stream: StreamTargets) {}

  /** Counts a stored row: in the result, its target's counts, its day and its tallies. */
  stored(row: StoredRow, id: number): void {
    const { stream } = this
    this.tally.add(id, row.targetId, stream.kept(row.t), row.day, row.ts)
    this.result.inserted++
    stream.counted(row.t)
    const group = stream.groupNumber(row.t)
    const dayKey = dayOrdinal(row.day) * 2 ** 21 + group
    const d = this.days.get(dayKey)
    if (d) {
      d.count++
    } else {
      this.days.set(dayKey, { day: row.day, group, count: 1 })
    }
  }

  /** A row's key was already stored: it is not counted, also not against the flood cap. */
  duplicate(row: StoredRow): void {
    row.bucket.count--
    this.result.duplicates++
  }

  /** Hands the write's events per day, category and host to the daily counts. */
  addDays(tallies: WriteTallies): void {
    for (const d of this.days.values()) {
      const { category, host } = this.stream.group(d.group)
      tallies.addDay(d.day, category, host, d.count)
    }
  }
}

/** A day (`2025-08-04`) as a number that orders like it (20250804). */
function dayOrdinal(day: string): number {
  return Number(day.slice(0, 4)) * 10_000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10))
}
