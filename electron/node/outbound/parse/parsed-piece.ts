import { formatOffset } from './log-time'

/**
 * What the parser found in about a megabyte of log, as columns: the one form in which parsed
 * exchanges travel, from the parsing thread to whatever stores, prints or reads them. No object
 * per exchange: one integer record and one number per record, and the strings they point at.
 *
 * A record is an event (an exchange line that became an event) or an answer (the status or error
 * of a request that was in an earlier piece). Targets — what an event was sent to — are numbered
 * along a stream of pieces (target-numbers.ts): a piece defines only the targets its stream had
 * not defined yet, so a URL's facts travel once however often it is called.
 */
export interface ParsedPiece {
  /** The strings of this piece: its new targets' facts, errors, file names, odd times. */
  readonly strings: string[]
  /** The number of the first target defined here; the others follow in order. */
  readonly firstTarget: number
  /** `targetWidth` integers per target defined here: string indexes, upstream as 0/1. */
  readonly targets: Int32Array
  /** `recordWidth` integers per record (`field` names them). */
  readonly records: Int32Array
  /** Per record: the wall-clock ms of its line's time as written (read as UTC); its key's time. */
  readonly walls: Float64Array
}

/** Integers per record in `ParsedPiece.records`. */
export const recordWidth = 11
/** Integers per target in `ParsedPiece.targets`. */
export const targetWidth = 7
/** An absent string or status. */
export const none = -1

/** Positions inside one record. */
export const field = {
  /** 0 an event, 1 an answer. */
  kind: 0,
  target: 1,
  status: 2,
  /** String index of the (redacted) error text. */
  error: 3,
  /** String index of the file name events cite. */
  file: 4,
  line: 5,
  /** `flag` bits. */
  flags: 6,
  /** The two 32-bit lanes of the line's hash (event-key.ts). */
  h1: 7,
  h2: 8,
  /** The UTC offset in minutes of the time (from the latest banner), when `flag.local` is off. */
  zone: 9,
  /** With `flag.oddTime`: the string index of the time as text. */
  timeText: 10,
} as const

/** Bits of `field.flags`. */
export const flag = {
  /** The time is the server's wall clock, zone unknown (no banner yet). */
  local: 1,
  /** The time was written with milliseconds. */
  millis: 2,
  /** The time as written is not a real calendar time: its text is in `strings`. */
  oddTime: 4,
} as const

/** Positions inside one target's integers. */
export const targetField = {
  method: 0,
  url: 1,
  host: 2,
  upstream: 3,
  service: 4,
  category: 5,
  policyItem: 6,
} as const

/** A piece with nothing in it. */
export function emptyPiece(firstTarget = 0): ParsedPiece {
  return {
    strings: [],
    firstTarget,
    targets: new Int32Array(0),
    records: new Int32Array(0),
    walls: new Float64Array(0),
  }
}

/** How many records a piece holds. */
export function recordCount(piece: ParsedPiece): number {
  return piece.walls.length
}

/** The buffers of a piece, to transfer it to another thread without copying. */
export function pieceBuffers(piece: ParsedPiece): ArrayBuffer[] {
  return [piece.targets, piece.records, piece.walls].map(a => a.buffer as ArrayBuffer)
}

// The date and time to the second of the last record read, which the next ones mostly share,
// and the date of the last day.
let lastSecond = Number.NaN
let lastPrefix = ''
let lastDay = Number.NaN
let lastDate = ''

const twoDigits: readonly string[] = Array.from({ length: 60 }, (_, n) =>
  String(n).padStart(2, '0'),
)
let lastZone = 0
let lastZoneText = ''

const millisText: readonly string[] = Array.from(
  { length: 1000 },
  (_, ms) => `.${String(ms).padStart(3, '0')}`,
)

/**
 * The ISO 8601 text of a wall-clock time in ms (`2025-01-01T01:00:02.000+01:00`): to the second
 * unless `millis`, and without a zone when `zone` (minutes east of UTC) is null.
 */
export function wallClockIso(wall: number, millis: boolean, zone: number | null): string {
  const second = Math.floor(wall / 1000)
  if (second !== lastSecond) {
    lastSecond = second
    const day = Math.floor(second / 86_400)
    if (day !== lastDay) {
      lastDay = day
      lastDate = new Date(day * 86_400_000).toISOString().slice(0, 11)
    }
    const s = second - day * 86_400
    lastPrefix = `${lastDate}${twoDigits[Math.floor(s / 3600)]}:${twoDigits[Math.floor(s / 60) % 60]}:${twoDigits[s % 60]}`
  }
  const base = millis ? lastPrefix + millisText[wall - second * 1000] : lastPrefix
  if (zone === null) {
    return base
  }
  if (zone !== lastZone || lastZoneText === '') {
    lastZone = zone
    lastZoneText = formatOffset(zone)
  }
  return base + lastZoneText
}

/**
 * The ISO 8601 time of event record `n`: `2025-01-01T01:00:02.000+01:00`, or without a zone
 * when it is the server's wall clock, or without milliseconds when the log wrote none.
 */
export function recordTime(piece: ParsedPiece, n: number): string {
  const o = n * recordWidth
  const flags = piece.records[o + field.flags] as number
  if ((flags & flag.oddTime) !== 0) {
    return piece.strings[piece.records[o + field.timeText] as number] as string
  }
  const zone = (flags & flag.local) !== 0 ? null : (piece.records[o + field.zone] as number)
  return wallClockIso(piece.walls[n] as number, (flags & flag.millis) !== 0, zone)
}

/** Epoch ms of event record `n`: its wall clock less its zone (the wall clock when unknown). */
export function recordEpochMs(piece: ParsedPiece, n: number): number {
  const o = n * recordWidth
  const flags = piece.records[o + field.flags] as number
  const offset = (flags & flag.local) !== 0 ? 0 : (piece.records[o + field.zone] as number)
  return (piece.walls[n] as number) - offset * 60_000
}

/** The wall-clock ms a record's key starts with (`timedEventKey`). */
export function recordKeyWall(piece: ParsedPiece, n: number): number {
  return Math.max(0, Math.floor(piece.walls[n] as number))
}
