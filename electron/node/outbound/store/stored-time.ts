import { field, flag, recordWidth, wallClockIso, type ParsedPiece } from '../parse/parsed-piece'

/**
 * How an event row holds its time (`events.time_form`). A log line's time is its wall clock
 * (`wall`) and its zone (`wall - ts`, unless `local_time`): an event stores it as those integers
 * and an empty `time`, and the text is derived when read (`storedTimeText`). Only a time that
 * does not follow from them keeps its text: a stamp that is no real calendar day, a time before
 * 1970, a counts-only day, a connection's time, and every row stored before the form existed.
 */
export const timeForm = {
  /** `time` holds the text. */
  text: 0,
  /** Derived, with milliseconds: `2025-08-04T20:03:01.250+02:00`. */
  millis: 1,
  /** Derived, to the second: `2025-08-04T20:03:01+02:00`. */
  seconds: 2,
} as const

/** One of `timeForm`'s values. */
export type TimeForm = (typeof timeForm)[keyof typeof timeForm]

/**
 * How event record `n` of a piece stores its time, given the wall-clock ms its row keeps: derived
 * when the row's `wall` is the line's time as written, a real calendar time from 1970 on.
 */
export function recordTimeForm(piece: ParsedPiece, n: number, storedWall: number): TimeForm {
  const flags = piece.records[n * recordWidth + field.flags] as number
  if ((flags & flag.oddTime) !== 0 || storedWall !== piece.walls[n]) {
    return timeForm.text
  }
  return (flags & flag.millis) !== 0 ? timeForm.millis : timeForm.seconds
}

/** The columns of an event row that hold its time. */
export interface StoredTimeColumns {
  readonly time: string
  readonly time_form: number
  readonly wall: number
  readonly ts: number
  readonly local_time: number
}

/** An event row's time as ISO 8601 text: what `recordTime` gave when the event was parsed. */
export function storedTimeText(row: StoredTimeColumns): string {
  if (row.time_form === timeForm.text) {
    return row.time
  }
  const zone = row.local_time === 1 ? null : (row.wall - row.ts) / 60_000
  return wallClockIso(row.wall, row.time_form === timeForm.millis, zone)
}

/**
 * SQL for the calendar day on the server's clock (`2025-08-04`) of the event row of `alias` (a
 * table's alias or name): its time's first ten characters.
 */
export function eventDaySql(alias: string): string {
  return `CASE ${alias}.time_form WHEN ${timeForm.text} THEN substr(${alias}.time, 1, 10) ELSE date(${alias}.wall / 1000, 'unixepoch') END`
}
