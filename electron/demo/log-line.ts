/**
 * The line grammars the demo writes: 2025 (` - `, UPPERCASE levels, `HCl#` ids), the 2026 em-dash
 * variant, and 2018 (hex thread ids, `HTTP 200 response from …` without `HCl#`) for legacy servers.
 */
export type LogFormat = '2018' | '2025' | '2026'

/** The levels of Plex Media Server.log. */
export type LogLevel = 'DEBUG' | 'VERBOSE' | 'INFO' | 'WARN' | 'ERROR'

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

// Only `Debug —` is seen in real 2026 lines; the other spellings follow the same rule (UNVERIFIED).
const levels2026: Readonly<Record<LogLevel, string>> = {
  DEBUG: 'Debug —',
  VERBOSE: 'Verbose —',
  INFO: 'Info —',
  WARN: 'Warn —',
  ERROR: 'Error —',
}
const levels2025: Readonly<Record<LogLevel, string>> = {
  DEBUG: 'DEBUG -',
  VERBOSE: 'VERBOSE -',
  INFO: 'INFO -',
  WARN: 'WARN -',
  ERROR: 'ERROR -',
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n))

/** Renders one log line; the time is printed in the server's local time (a fixed UTC offset). */
export type LineRenderer = (
  time: number,
  thread: string,
  level: LogLevel,
  message: string,
) => string

/**
 * Creates a line renderer: `Mon DD, YYYY HH:MM:SS.mmm [tid] LEVEL - message`.
 *
 * The date part is cached per second: the renderer runs for every line of a 256 MiB benchmark log.
 */
export function createLineRenderer(format: LogFormat, utcOffsetMinutes: number): LineRenderer {
  const names = format === '2026' ? levels2026 : levels2025
  const offset = utcOffsetMinutes * 60_000
  let cachedSecond = Number.NaN
  let cachedPrefix = ''
  return (time, thread, level, message) => {
    const local = time + offset
    const second = Math.floor(local / 1000)
    if (second !== cachedSecond) {
      const date = new Date(second * 1000)
      cachedSecond = second
      cachedPrefix = `${months[date.getUTCMonth()]} ${pad2(date.getUTCDate())}, ${date.getUTCFullYear()} ${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}.`
    }
    return `${cachedPrefix}${pad3(local - second * 1000)} [${thread}] ${names[level]} ${message}`
  }
}

/** The `GMT hh:mm` text of the start-up banner for an offset in minutes. */
export function gmtOffsetText(utcOffsetMinutes: number): string {
  const sign = utcOffsetMinutes < 0 ? '-' : ''
  const minutes = Math.abs(utcOffsetMinutes)
  return `GMT ${sign}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`
}
