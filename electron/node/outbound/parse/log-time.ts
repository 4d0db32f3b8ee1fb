import type { OutboundEvent } from '../../../common/outbound/outbound-event'
import { monthAt } from './line-header'

/** A log line's time: ISO 8601 text and whether the zone was known. */
export interface LogTime {
  readonly iso: string
  readonly localTime: boolean
  /** The time as written, read as UTC, in epoch ms: the same whatever the banner said. */
  readonly wallMs: number
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

/** Formats an offset in minutes as `+03:00`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
}

/**
 * The time of a header stamp (`Oct 16, 2017 23:27:45.183`): with the banner's UTC offset when
 * known (`2017-10-16T23:27:45.183+03:00`), else the server's local wall-clock time without a
 * zone, marked `localTime`. Built by slicing: the stamp is fixed-width.
 */
export function logTime(stamp: string, offsetMinutes: number | null): LogTime {
  const month = monthAt(stamp)
  const base = `${stamp.slice(8, 12)}-${pad2(month)}-${stamp.slice(4, 6)}T${stamp.slice(13, 21)}`
  const frac = stamp.length > 21 ? `.${stamp.slice(22, 25)}` : ''
  const wallMs = Date.UTC(
    Number(stamp.slice(8, 12)),
    month - 1,
    Number(stamp.slice(4, 6)),
    Number(stamp.slice(13, 15)),
    Number(stamp.slice(16, 18)),
    Number(stamp.slice(19, 21)),
    frac === '' ? 0 : Number(stamp.slice(22, 25)),
  )
  return offsetMinutes === null
    ? { iso: base + frac, localTime: true, wallMs }
    : { iso: base + frac + formatOffset(offsetMinutes), localTime: false, wallMs }
}

/**
 * `logTime` for the stamps of one log, which come many to a second: the date and time to the
 * second are read once per second and reused, only the milliseconds change.
 */
export class LogTimes {
  private second = ''
  private offset: number | null = null
  private prefix = ''
  private zone = ''
  /**
   * Whether the stamps of the current second are not a real calendar time (`Feb 30`, year 1):
   * their epoch ms do not read back as written. Checked once per second.
   */
  odd = false
  private secondMs = 0

  private wallSecond = ''
  private wallSecondMs = 0

  /**
   * The wall-clock ms of the stamp that opens `line` and is `stampLength` long (digits checked by
   * readHeader), as `logTime` gives it, without building its text or slicing the stamp: the
   * parser stores times as numbers. Sets `odd` for its second.
   */
  wallMsAt(line: string, stampLength: number): number {
    if (stampLength < 21 || this.wallSecond === '' || !line.startsWith(this.wallSecond)) {
      this.wallSecond = line.slice(0, 21)
      const month = monthAt(line)
      const year = digits(line, 8, 12)
      const day = digits(line, 4, 6)
      const hour = digits(line, 13, 15)
      const minute = digits(line, 16, 18)
      const second = digits(line, 19, 21)
      this.wallSecondMs = Date.UTC(year, month - 1, day, hour, minute, second, 0)
      // A time that Date.UTC would move (`Feb 30`, hour 24, a year before 1970) reads back
      // otherwise than written.
      this.odd =
        year < 1970 ||
        day < 1 ||
        day > daysInMonth(year, month) ||
        hour > 23 ||
        minute > 59 ||
        second > 59
    }
    if (stampLength <= 21) {
      return this.wallSecondMs
    }
    return this.wallSecondMs + digits(line, 22, 25)
  }

  /** The time of a header stamp, as `logTime` gives it. */
  at(stamp: string, offsetMinutes: number | null): LogTime {
    if (
      stamp.length < 21 ||
      offsetMinutes !== this.offset ||
      this.second === '' ||
      !stamp.startsWith(this.second)
    ) {
      const whole = logTime(stamp.slice(0, 21), offsetMinutes)
      this.second = stamp.slice(0, 21)
      this.offset = offsetMinutes
      this.prefix = whole.iso.slice(0, 19)
      this.zone = offsetMinutes === null ? '' : formatOffset(offsetMinutes)
      this.secondMs = whole.wallMs
      this.odd =
        !(whole.wallMs >= 0 && whole.wallMs < 253402300800000) ||
        new Date(whole.wallMs).toISOString().slice(0, 19) !== this.prefix
      if (stamp.length <= 21) {
        return whole
      }
    }
    const frac = stamp.length > 21 ? `.${stamp.slice(22, 25)}` : ''
    return {
      iso: this.prefix + frac + this.zone,
      localTime: offsetMinutes === null,
      wallMs: this.secondMs + (frac === '' ? 0 : Number(stamp.slice(22, 25))),
    }
  }
}

const bannerPattern = /^Plex Media Server v\S+ .* - GMT ([+-])?(\d{1,2}):(\d{2})\s*$/

/**
 * The UTC offset in minutes from a start-up banner message
 * (`Plex Media Server v1.14.1… - build: … - GMT 03:00`), or null when the message is not one.
 */
export function bannerOffset(message: string): number | null {
  return bannerOffsetAt(message, 0)
}

/** `bannerOffset` of the message that starts at `from` in `line`: sliced only when it is a banner. */
export function bannerOffsetAt(line: string, from: number): number | null {
  if (!line.startsWith('Plex Media Server v', from)) {
    return null
  }
  const m = bannerPattern.exec(line.slice(from))
  if (!m) {
    return null
  }
  const minutes = Number(m[2]) * 60 + Number(m[3])
  return m[1] === '-' ? -minutes : minutes
}

/** The number written in digits from `start` to `end`, or -1 when one is not a digit. */
function digitsAt(text: string, start: number, end: number): number {
  let n = 0
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48
    if (d < 0 || d > 9) {
      return -1
    }
    n = n * 10 + d
  }
  return n
}

/** The zone offset in minutes at `at` (`+03:00`, `-05:30`, `Z` or nothing), or null if unreadable. */
function zoneMinutesAt(text: string, at: number): number | null {
  if (at === text.length) {
    return 0
  }
  const sign = text.charCodeAt(at)
  if (sign === 90 && at + 1 === text.length) {
    return 0
  }
  if ((sign !== 43 && sign !== 45) || at + 6 !== text.length || text.charCodeAt(at + 3) !== 58) {
    return null
  }
  const h = digitsAt(text, at + 1, at + 3)
  const m = digitsAt(text, at + 4, at + 6)
  return h < 0 || m < 0 ? null : (sign === 45 ? -1 : 1) * (h * 60 + m)
}

/**
 * Epoch ms of an event's time; a time without a zone is the server's wall clock, read as UTC.
 * Read field by field (it runs for every stored event); any other shape goes to `Date.parse`.
 */
export function eventEpochMs(e: OutboundEvent): number {
  const t = e.time
  if (t.length >= 19 && t.charCodeAt(10) === 84) {
    const hasMs = t.charCodeAt(19) === 46
    const ms = hasMs ? digitsAt(t, 20, 23) : 0
    const zone = e.localTime
      ? t.length === (hasMs ? 23 : 19)
        ? 0
        : null
      : zoneMinutesAt(t, hasMs ? 23 : 19)
    const fields = [
      digitsAt(t, 0, 4),
      digitsAt(t, 5, 7),
      digitsAt(t, 8, 10),
      digitsAt(t, 11, 13),
      digitsAt(t, 14, 16),
      digitsAt(t, 17, 19),
    ]
    if (zone !== null && ms >= 0 && fields.every(f => f >= 0)) {
      const [year, month, day, hour, minute, second] = fields as [
        number,
        number,
        number,
        number,
        number,
        number,
      ]
      return Date.UTC(year, month - 1, day, hour, minute, second, ms) - zone * 60_000
    }
  }
  if (t.length === 10) {
    return Date.parse(`${t}T00:00:00Z`)
  }
  return Date.parse(e.localTime ? `${t}Z` : t)
}

/** The number written in decimal digits from `start` to `end` (checked by the caller). */
function digits(text: string, start: number, end: number): number {
  let n = 0
  for (let i = start; i < end; i++) {
    n = n * 10 + text.charCodeAt(i) - 48
  }
  return n
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Days in a month (1–12) of a year of the Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return month === 2 && leap ? 29 : (monthDays[month - 1] ?? 0)
}
