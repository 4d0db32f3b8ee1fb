import { scanLines } from '../parse/line-scan'

/** One line the reference scanner would decode: where it is and its number (from 1). */
export interface ReferenceMarked {
  readonly start: number
  readonly newline: number
  readonly lineNo: number
}

/** What the reference scanner finds in a run of complete lines. */
export interface ReferenceScan {
  readonly lines: number
  readonly marked: ReferenceMarked[]
  readonly notLogLine: number
  readonly tooLong: number
}

const markers = ['HTTP', 'CrashUploader', ' - GMT ']

/** The rule for a log line's start, written plainly: "Mon DD, " after a BOM and a paste prefix. */
function looksLikeLogLine(line: string): boolean {
  let s = line.startsWith('\xef\xbb\xbf') ? 3 : 0
  while (s < line.length && s < 12 && ' >\t'.includes(line[s] ?? '')) {
    s += 1
  }
  const rest = line.slice(s)
  return rest.length > 8 && /^[A-Z]/.test(rest) && rest[3] === ' ' && rest[6] === ','
}

/**
 * The scanner's rules applied one line at a time with plain string operations: the yardstick the
 * WebAssembly scanner is tested against (line-scan.test.ts). Slow, and meant to be obvious.
 */
export function referenceLineScan(bytes: Uint8Array, end: number, maxLine: number): ReferenceScan {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, end).toString('latin1')
  const marked: ReferenceMarked[] = []
  let notLogLine = 0
  let tooLong = 0
  let lineNo = 0
  let start = 0
  for (const line of text.split('\n').slice(0, -1)) {
    lineNo += 1
    const newline = start + line.length
    if (line.length > maxLine) {
      tooLong += 1
    } else if (markers.some(m => line.includes(m))) {
      marked.push({ start, newline, lineNo })
    } else if (!looksLikeLogLine(line)) {
      notLogLine += 1
    }
    start = newline + 1
  }
  return { lines: lineNo, marked, notLogLine, tooLong }
}

/** The WebAssembly scanner's findings in the reference's shape, to compare the two. */
export function scanAsReference(bytes: Uint8Array, end: number, maxLine: number): ReferenceScan {
  const s = scanLines(bytes, end, maxLine)
  const marked: ReferenceMarked[] = []
  for (let k = 0; k < s.marked.length; k += 3) {
    marked.push({
      start: s.marked[k] ?? -1,
      newline: s.marked[k + 1] ?? -1,
      lineNo: s.marked[k + 2] ?? -1,
    })
  }
  return { lines: s.lines, marked, notLogLine: s.notLogLine, tooLong: s.tooLong }
}
