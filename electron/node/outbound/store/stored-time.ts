import { field, flag, recordWidth, type ParsedPiece } from '../parse/parsed-piece'

/**
 * How an event row holds its time (`events.time_form`). A log line's time is its wall clock
 * (`wall`) and its zone (`wall - ts`, unless `local_time`): an event stores it as those integers
 * and an empty `time`, and the text is derived when read. Only a time that does not follow from
 * them keeps its text: a stamp that is no real calendar day, a time before 1970, a counts-only
 * day, a connection's time, and every row stored before the form existed.
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

/** The columns of a table by its alias (or its name) in a query. */
function columnOf(alias: string): (column: string) => string {
  return column => `${alias}.${column}`
}

/**
 * SQL for an event's time as ISO 8601 text (what `recordTime` gives when the event is parsed):
 * the wall clock to the second, its milliseconds when it had them, and the zone unless the
 * server's wall clock was all the log told.
 */
export function eventTimeSql(alias: string): string {
  const c = columnOf(alias)
  const offset = `abs(${c('wall')} - ${c('ts')})`
  const derived =
    `strftime('%Y-%m-%dT%H:%M:%S', ${c('wall')} / 1000, 'unixepoch')` +
    ` || CASE ${c('time_form')} WHEN ${timeForm.millis} THEN printf('.%03d', ${c('wall')} % 1000) ELSE '' END` +
    ` || CASE WHEN ${c('local_time')} = 1 THEN '' ELSE printf('%s%02d:%02d',` +
    ` CASE WHEN ${c('wall')} < ${c('ts')} THEN '-' ELSE '+' END, ${offset} / 3600000, ${offset} / 60000 % 60) END`
  return `CASE ${c('time_form')} WHEN ${timeForm.text} THEN ${c('time')} ELSE ${derived} END`
}

/** SQL for an event's calendar day on the server's clock (`2025-08-04`): its time's first ten characters. */
export function eventDaySql(alias: string): string {
  const c = columnOf(alias)
  return `CASE ${c('time_form')} WHEN ${timeForm.text} THEN substr(${c('time')}, 1, 10) ELSE date(${c('wall')} / 1000, 'unixepoch') END`
}
