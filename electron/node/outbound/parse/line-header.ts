/** The header of one server log line: `Mon DD, YYYY HH:MM:SS[.mmm] [tid] LEVEL - message`. */
export interface LineHeader {
  /** The time as written: `Oct 16, 2017 23:27:45.183`, or without milliseconds before 2017. */
  readonly stamp: string
  /** The thread id as written (`0x7f4932ffd700` or `140101784881976`). */
  readonly thread: string
  /** The level as written: `DEBUG`, `Debug`, `Ladění`, … */
  readonly level: string
  /** The message after the separator. */
  readonly message: string
}

/** Month numbers by English abbreviation. */
const monthNumbers: Readonly<Record<string, number>> = {
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

// The months by their three letters packed into one small integer: a line's month is then read
// without a string made for it (this runs for every candidate line).
const monthsByLetters = new Map<number, number>(
  Object.entries(monthNumbers).map(([name, n]) => [packedLetters(name), n]),
)

function packedLetters(text: string): number {
  const a = text.charCodeAt(0)
  const b = text.charCodeAt(1)
  const c = text.charCodeAt(2)
  // Only ASCII packs without overlap; nothing else is a month.
  return (a | b | c) < 128 ? (a << 14) | (b << 7) | c : -1
}

/** The month number (1–12) of the English abbreviation that `text` starts with, or 0. */
export function monthAt(text: string): number {
  return monthsByLetters.get(packedLetters(text)) ?? 0
}

function isDigit(line: string, at: number): boolean {
  const c = line.charCodeAt(at)
  return c >= 48 && c <= 57
}

const digitPositions = [4, 5, 8, 9, 10, 11, 13, 14, 16, 17, 19, 20]

/** Whether `line[start, end)` is a thread id: `0x` and hex digits, or decimal digits. */
function isThreadId(line: string, start: number, end: number): boolean {
  const hex = line.charCodeAt(start) === 48 && line.charCodeAt(start + 1) === 120
  const from = hex ? start + 2 : start
  if (from >= end) {
    return false
  }
  for (let i = from; i < end; i++) {
    const c = line.charCodeAt(i)
    const digit = c >= 48 && c <= 57
    if (!digit && !(hex && ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)))) {
      return false
    }
  }
  return true
}

/**
 * Where the parts of a line's header end, as offsets into the line: the stamp is
 * `[0, stampEnd)`, the thread id `[threadStart, threadEnd)`, the level `[threadEnd + 2, levelEnd)`
 * and the message `[messageStart, length)`. One object is filled again for every line.
 */
export interface HeaderBounds {
  stampEnd: number
  threadStart: number
  threadEnd: number
  levelEnd: number
  messageStart: number
}

/** A bounds object to fill with `readHeader`. */
export function emptyBounds(): HeaderBounds {
  return { stampEnd: 0, threadStart: 0, threadEnd: 0, levelEnd: 0, messageStart: 0 }
}

/**
 * Reads the header of a log line (paste prefixes already removed) into `into`, and says whether
 * it has one. Offsets, not strings: the parser slices only what a line needs.
 *
 * Hand-written instead of one regex: this runs for every candidate line of a 256 MiB log. It
 * accepts hex or decimal thread ids, any level word (localized ones too) and `-` or an em dash.
 */
export function readHeader(line: string, into: HeaderBounds): boolean {
  if (
    line.length < 30 ||
    line.charCodeAt(3) !== 32 ||
    line.charCodeAt(6) !== 44 ||
    line.charCodeAt(7) !== 32 ||
    line.charCodeAt(12) !== 32 ||
    line.charCodeAt(15) !== 58 ||
    line.charCodeAt(18) !== 58 ||
    monthAt(line) === 0
  ) {
    return false
  }
  for (const at of digitPositions) {
    if (!isDigit(line, at)) {
      return false
    }
  }
  let p = 21
  const dot = line.charCodeAt(21)
  if ((dot === 46 || dot === 44) && isDigit(line, 22) && isDigit(line, 23) && isDigit(line, 24)) {
    p = 25
  }
  if (line.charCodeAt(p) !== 32 || line.charCodeAt(p + 1) !== 91) {
    return false
  }
  const close = line.indexOf('] ', p + 2)
  if (close < 0 || close - p > 24 || close === p + 2) {
    return false
  }
  if (!isThreadId(line, p + 2, close)) {
    return false
  }
  const levelEnd = line.indexOf(' ', close + 2)
  if (levelEnd < 0 || levelEnd === close + 2) {
    return false
  }
  const sep = line.charCodeAt(levelEnd + 1)
  if (sep !== 45 && sep !== 0x2014) {
    return false
  }
  const after = line.charCodeAt(levelEnd + 2)
  if (!Number.isNaN(after) && after !== 32) {
    return false
  }
  into.stampEnd = p
  into.threadStart = p + 2
  into.threadEnd = close
  into.levelEnd = levelEnd
  into.messageStart = after === 32 ? levelEnd + 3 : levelEnd + 2
  return true
}

/** Parses the header of a log line (paste prefixes already removed), or null when it has none. */
export function parseHeader(line: string): LineHeader | null {
  const b = emptyBounds()
  if (!readHeader(line, b)) {
    return null
  }
  return {
    stamp: line.slice(0, b.stampEnd),
    thread: line.slice(b.threadStart, b.threadEnd),
    level: line.slice(b.threadEnd + 2, b.levelEnd),
    message: line.slice(b.messageStart),
  }
}

/**
 * Removes what a paste adds in front of a log line (a `> ` quote, a 4-space or tab code indent,
 * a byte-order mark);
 * returns the line unchanged when it starts with a letter.
 */
export function stripPastePrefix(line: string): string {
  let i = 0
  while (i < line.length && i < 12) {
    const c = line.charCodeAt(i)
    if (c !== 32 && c !== 62 && c !== 9 && c !== 0xfeff) {
      break
    }
    i++
  }
  return i === 0 ? line : line.slice(i)
}
