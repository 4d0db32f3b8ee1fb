import { monthNumbers } from './line-header'

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
  const month = monthNumbers[stamp.slice(0, 3)] ?? 0
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

const bannerPattern = /^Plex Media Server v\S+ .* - GMT ([+-])?(\d{1,2}):(\d{2})\s*$/

/**
 * The UTC offset in minutes from a start-up banner message
 * (`Plex Media Server v1.14.1… - build: … - GMT 03:00`), or null when the message is not one.
 */
export function bannerOffset(message: string): number | null {
  if (!message.startsWith('Plex Media Server v')) {
    return null
  }
  const m = bannerPattern.exec(message)
  if (!m) {
    return null
  }
  const minutes = Number(m[2]) * 60 + Number(m[3])
  return m[1] === '-' ? -minutes : minutes
}
