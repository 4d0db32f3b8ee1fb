import { isUtf8 } from 'node:buffer'
import { emptySkipCounts, type SkipCounts } from '../../../common/outbound/outbound-event'

/** The longest line the scanner reads; longer lines are skipped and counted (`tooLong`). */
export const maxLineBytes = 64 * 1024

/** Receives a line that may hold an outbound exchange (it contains a marker), already decoded. */
export type CandidateHandler = (line: string, lineNo: number) => void

const httpMarker = 'HTTP'
const crashMarker = 'CrashUploader'
const bannerMarker = ' - GMT '
const never = Number.MAX_SAFE_INTEGER

function nextAt(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from)
  return at < 0 ? never : at
}

/**
 * The next banner marker: found by its rare letters (`GMT`), then checked whole. Searching
 * ` - GMT ` itself is slow, since every header holds ` - `.
 */
function nextBannerAt(text: string, from: number): number {
  let at = text.indexOf('GMT', from)
  while (at >= 0) {
    if (at >= 3 && text.startsWith(bannerMarker, at - 3)) {
      return at - 3
    }
    at = text.indexOf('GMT', at + 1)
  }
  return never
}

/**
 * Splits a byte stream into lines with a carry buffer and hands only the lines that contain an
 * exchange marker (`HTTP`, `CrashUploader`, a start-up banner's ` - GMT `) to the handler, decoded.
 * Everything else is counted, never decoded: that keeps the scan near `Buffer.indexOf` speed.
 *
 * `offset` is the byte offset just after the last complete line: the resume point a cursor stores.
 */
export class LogScanner {
  offset: number
  lineNo: number
  readonly skipped: SkipCounts = emptySkipCounts()
  private carry: Buffer | null = null
  private discarding = false
  private discardedBytes = 0

  constructor(
    private readonly onCandidate: CandidateHandler,
    start: { offset: number; lineNo: number } = { offset: 0, lineNo: 0 },
  ) {
    this.offset = start.offset
    this.lineNo = start.lineNo
  }

  /** Bytes read past `offset` that do not yet end in a newline. */
  get pendingBytes(): number {
    return this.discarding ? this.discardedBytes : (this.carry?.length ?? 0)
  }

  /** Feeds the next bytes of the file. */
  feed(chunk: Buffer): void {
    let data = chunk
    if (this.discarding) {
      const nl = data.indexOf(10)
      if (nl < 0) {
        this.discardedBytes += data.length
        return
      }
      this.offset += this.discardedBytes + nl + 1
      this.lineNo++
      this.discarding = false
      this.discardedBytes = 0
      data = data.subarray(nl + 1)
    }
    let buf = data
    if (this.carry) {
      // Complete the carried line with the chunk's first line only: never copy a whole chunk.
      const nl = data.indexOf(10)
      if (nl < 0) {
        buf = Buffer.concat([this.carry, data])
      } else {
        const first = Buffer.concat([this.carry, data.subarray(0, nl + 1)])
        this.carry = null
        if (first.length - 1 > maxLineBytes) {
          this.lineNo++
          this.skipped.tooLong++
        } else {
          this.scanLines(first, first.length)
        }
        this.offset += first.length
        buf = data.subarray(nl + 1)
      }
    }
    this.carry = null
    const lastNl = buf.lastIndexOf(10)
    if (lastNl >= 0) {
      this.scanLines(buf, lastNl + 1)
      this.offset += lastNl + 1
    }
    const rest = buf.subarray(lastNl + 1)
    if (rest.length > maxLineBytes) {
      this.discarding = true
      this.discardedBytes = rest.length
      this.skipped.tooLong++
    } else if (rest.length > 0) {
      this.carry = Buffer.from(rest)
    }
  }

  /** Treats the bytes after the last newline as a final line (end of a file read whole). */
  finish(): void {
    if (this.carry) {
      const buf = Buffer.concat([this.carry, Buffer.from('\n')])
      this.carry = null
      this.scanLines(buf, buf.length)
      this.offset += buf.length - 1
    } else if (this.discarding) {
      this.offset += this.discardedBytes
      this.lineNo++
      this.discarding = false
      this.discardedBytes = 0
    }
  }

  private scanLines(buf: Buffer, end: number): void {
    // Searched as a one-byte string (a copy at memory speed): a string's indexOf runs without the
    // checks of a Buffer's, which cost more than the search itself on a line of 150 bytes.
    // Byte offsets and string offsets are the same in it; only candidates are decoded as UTF-8.
    const text = buf.toString('latin1', 0, end)
    let nextHttp = nextAt(text, httpMarker, 0)
    let nextCrash = nextAt(text, crashMarker, 0)
    let nextBanner = nextBannerAt(text, 0)
    let pos = 0
    let lineNo = this.lineNo
    while (pos < end) {
      const nl = text.indexOf('\n', pos)
      lineNo++
      if (nl - pos > maxLineBytes) {
        this.skipped.tooLong++
      } else if (nextHttp < nl || nextCrash < nl || nextBanner < nl) {
        this.candidate(buf, pos, nl, lineNo)
      } else if (!looksLikeLogLine(text, pos, nl)) {
        this.skipped.notLogLine++
      }
      if (nextHttp < nl) {
        nextHttp = nextAt(text, httpMarker, nl + 1)
      }
      if (nextCrash < nl) {
        nextCrash = nextAt(text, crashMarker, nl + 1)
      }
      if (nextBanner < nl) {
        nextBanner = nextBannerAt(text, nl + 1)
      }
      pos = nl + 1
    }
    this.lineNo = lineNo
  }

  private candidate(buf: Buffer, start: number, nl: number, lineNo: number): void {
    const end = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl
    const line = buf.toString('utf8', start, end)
    // Invalid bytes decode to U+FFFD: only a line that has one needs the exact check.
    if (line.includes('\uFFFD') && !isUtf8(buf.subarray(start, end))) {
      this.skipped.invalidUtf8++
      return
    }
    this.onCandidate(line, lineNo)
  }
}

/**
 * A cheap check that a line starts like `Mon DD, ` after an optional paste prefix; `text` holds
 * the bytes as one-byte characters.
 */
function looksLikeLogLine(text: string, start: number, end: number): boolean {
  // A byte-order mark may start the first line.
  let s =
    text.charCodeAt(start) === 0xef &&
    text.charCodeAt(start + 1) === 0xbb &&
    text.charCodeAt(start + 2) === 0xbf
      ? start + 3
      : start
  while (s < end && s - start < 12) {
    const c = text.charCodeAt(s)
    if (c !== 32 && c !== 62 && c !== 9) {
      break
    }
    s++
  }
  const first = s < end ? text.charCodeAt(s) : 0
  return (
    end - s > 8 &&
    first >= 65 &&
    first <= 90 &&
    text.charCodeAt(s + 3) === 32 &&
    text.charCodeAt(s + 6) === 44
  )
}
