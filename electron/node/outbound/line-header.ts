/** The header of one server log line: `Mon DD, YYYY HH:MM:SS[.mmm] [tid] LEVEL - message`. */
export interface LineHeader {
  readonly month: number
  readonly day: number
  readonly year: number
  readonly hour: number
  readonly minute: number
  readonly second: number
  /** Milliseconds, or null on the 2014–2016 format without them. */
  readonly millis: number | null
  /** The thread id as written (`0x7f4932ffd700` or `140101784881976`). */
  readonly thread: string
  /** The level as written: `DEBUG`, `Debug`, `Ladění`, … */
  readonly level: string
  /** The message after the separator. */
  readonly message: string
}

const months: Readonly<Record<string, number>> = {
  Jan: 1,
  Feb: 2,
  Mar: 3,
  Apr: 4,
  May: 5,
  Jun: 6,
  Jul: 7,
  Aug: 8,
  Sep: 9,
  Oct: 10,
  Nov: 11,
  Dec: 12,
}

// Anchored and cheap: hex or decimal thread ids, any level word (localized too), `-` or an em dash.
const headerPattern =
  /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4}) (\d{2}):(\d{2}):(\d{2})(?:[.,](\d{3}))? \[(0x[0-9a-fA-F]+|\d+)\] (\S+) (?:-|\u2014) ?/

/** Parses the header of a log line (paste prefixes already removed), or null when it has none. */
export function parseHeader(line: string): LineHeader | null {
  const m = headerPattern.exec(line)
  if (!m) {
    return null
  }
  const month = months[m[1] as string]
  if (month === undefined) {
    return null
  }
  return {
    month,
    day: Number(m[2]),
    year: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6]),
    millis: m[7] === undefined ? null : Number(m[7]),
    thread: m[8] as string,
    level: m[9] as string,
    message: line.slice(m[0].length),
  }
}

/**
 * Removes what a paste adds in front of a log line (a `> ` quote, a 4-space or tab code indent);
 * returns the line unchanged when it starts with a letter.
 */
export function stripPastePrefix(line: string): string {
  let i = 0
  while (i < line.length && i < 12) {
    const c = line.charCodeAt(i)
    if (c !== 32 && c !== 62 && c !== 9) {
      break
    }
    i++
  }
  return i === 0 ? line : line.slice(i)
}
