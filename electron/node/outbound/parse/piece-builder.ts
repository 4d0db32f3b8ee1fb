import { field, flag, none, recordWidth, type ParsedPiece } from './parsed-piece'
import type { TargetNumbers } from './target-numbers'

/** The facts of an event record the parser writes. */
export interface EventFacts {
  readonly target: number
  readonly status: number | null
  readonly error: string | null
  readonly file: string
  readonly line: number
  readonly wallMs: number
  readonly h1: number
  readonly h2: number
  /** The zone of the time in minutes, or null when unknown (the server's wall clock). */
  readonly zone: number | null
  readonly millis: boolean
  /** The time as text when it is not a real calendar time (`flag.oddTime`), else null. */
  readonly oddTime: string | null
}

/** Builds one piece record by record (parsed-piece.ts), growing its columns as needed. */
export class PieceBuilder {
  private strings: string[] = []
  private stringIndex = new Map<string, number>()
  private records = new Int32Array(recordWidth * 1024)
  private walls = new Float64Array(1024)
  private count = 0

  /** The index of a string in this piece (added once), or `none` for null. */
  readonly string = (s: string | null): number => {
    if (s === null) {
      return none
    }
    let i = this.stringIndex.get(s)
    if (i === undefined) {
      i = this.strings.length
      this.strings.push(s)
      this.stringIndex.set(s, i)
    }
    return i
  }

  /** Records in the piece so far. */
  get size(): number {
    return this.count
  }

  private next(): number {
    if (this.count === this.walls.length) {
      const records = new Int32Array(this.records.length * 2)
      records.set(this.records)
      this.records = records
      const walls = new Float64Array(this.walls.length * 2)
      walls.set(this.walls)
      this.walls = walls
    }
    return this.count++
  }

  /** Adds an event record; returns its index in the piece. */
  event(e: EventFacts): number {
    const n = this.next()
    const o = n * recordWidth
    const r = this.records
    r[o + field.kind] = 0
    r[o + field.target] = e.target
    r[o + field.status] = e.status ?? none
    r[o + field.error] = this.string(e.error)
    r[o + field.file] = this.string(e.file)
    r[o + field.line] = e.line
    r[o + field.flags] =
      (e.zone === null ? flag.local : 0) |
      (e.millis ? flag.millis : 0) |
      (e.oddTime !== null ? flag.oddTime : 0)
    r[o + field.h1] = e.h1
    r[o + field.h2] = e.h2
    r[o + field.zone] = e.zone ?? 0
    r[o + field.timeText] = this.string(e.oddTime)
    this.walls[n] = e.wallMs
    return n
  }

  /** Adds the answer to an event of an earlier piece, known by its key's parts. */
  answer(wall: number, h1: number, h2: number, status: number | null, error: string | null): void {
    const n = this.next()
    const o = n * recordWidth
    const r = this.records
    r.fill(0, o, o + recordWidth)
    r[o + field.kind] = 1
    r[o + field.target] = none
    r[o + field.status] = status ?? none
    r[o + field.error] = this.string(error)
    r[o + field.file] = none
    r[o + field.h1] = h1
    r[o + field.h2] = h2
    r[o + field.timeText] = none
    this.walls[n] = wall
  }

  /** Completes event record `n` of this piece with its answer. */
  complete(n: number, status: number | null, error: string | null): void {
    const o = n * recordWidth
    this.records[o + field.status] = status ?? none
    this.records[o + field.error] = this.string(error)
  }

  /** Finishes the piece (with the targets its stream defined meanwhile) and starts a new one. */
  take(targets: TargetNumbers): ParsedPiece {
    const defined = targets.take()
    const piece: ParsedPiece = {
      strings: this.strings,
      firstTarget: defined.firstTarget,
      targets: defined.targets,
      records: this.records.slice(0, this.count * recordWidth),
      walls: this.walls.slice(0, this.count),
    }
    this.strings = []
    this.stringIndex = new Map()
    this.count = 0
    return piece
  }
}
