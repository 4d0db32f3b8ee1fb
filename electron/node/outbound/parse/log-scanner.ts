import { isUtf8 } from 'node:buffer'
import { emptySkipCounts, type SkipCounts } from '../../../common/outbound/outbound-event'
import { scanLines } from './line-scan'

/** The longest line the scanner reads; longer lines are skipped and counted (`tooLong`). */
export const maxLineBytes = 64 * 1024

/** Receives a line that may hold an outbound exchange (it contains a marker), already decoded. */
export type CandidateHandler = (line: string, lineNo: number) => void

/**
 * Splits a byte stream into lines with a carry buffer and hands only the lines that contain an
 * exchange marker (`HTTP`, `CrashUploader`, a start-up banner's ` - GMT `) to the handler, decoded.
 * Everything else is counted, never decoded: the lines are walked by a WebAssembly scanner
 * (line-scan.wat) 16 bytes at a time.
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
    // The WebAssembly scanner walks the lines; only the marked ones are decoded, here.
    const scan = scanLines(buf, end, maxLineBytes)
    const base = this.lineNo
    const marked = scan.marked
    for (let k = 0; k < marked.length; k += 3) {
      this.candidate(buf, marked[k] ?? 0, marked[k + 1] ?? 0, base + (marked[k + 2] ?? 0))
    }
    this.lineNo = base + scan.lines
    this.skipped.tooLong += scan.tooLong
    this.skipped.notLogLine += scan.notLogLine
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
