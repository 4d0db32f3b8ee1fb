import type { LineHeader } from './line-header'

/** A log line's time: ISO 8601 text, epoch milliseconds, and whether the zone was known. */
export interface LogTime {
  readonly iso: string
  /** Epoch ms; when the zone is unknown, the wall-clock time read as if it were UTC. */
  readonly epochMs: number
  readonly localTime: boolean
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** Formats an offset in minutes as `+03:00`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/**
 * The time of a header: with the banner's UTC offset when known (`2025-08-04T20:03:26.574+03:00`),
 * else the server's local wall-clock time without a zone, marked `localTime`.
 */
export function logTime(h: LineHeader, offsetMinutes: number | null): LogTime {
  const ms = h.millis ?? 0
  const wall = Date.UTC(h.year, h.month - 1, h.day, h.hour, h.minute, h.second, ms)
  const base = `${h.year}-${pad(h.month)}-${pad(h.day)}T${pad(h.hour)}:${pad(h.minute)}:${pad(h.second)}`
  const frac = h.millis === null ? '' : `.${pad(h.millis, 3)}`
  if (offsetMinutes === null) {
    return { iso: base + frac, epochMs: wall, localTime: true }
  }
  return {
    iso: base + frac + formatOffset(offsetMinutes),
    epochMs: wall - offsetMinutes * 60_000,
    localTime: false,
  }
}

const bannerPattern = /^Plex Media Server v\S+ .* - GMT ([+-])?(\d{1,2}):(\d{2})\s*$/

/**
 * The UTC offset in minutes from a start-up banner message
 * (`Plex Media Server v1.14.1… - build: … - GMT 03:00`), or null when the message is not one.
 */
export function bannerOffset(message: string): number | null {
  const m = bannerPattern.exec(message)
  if (!m) {
    return null
  }
  const minutes = Number(m[2]) * 60 + Number(m[3])
  return m[1] === '-' ? -minutes : minutes
}
