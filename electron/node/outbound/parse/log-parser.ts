import type { ClassifierRow } from '../../../common/outbound/classifier-table'
import { eventKey, keyLanes, keyParts, keyText } from '../../../common/outbound/event-key'
import type { SkipCounts } from '../../../common/outbound/outbound-event'
import { redactText } from '../../../common/outbound/redact'
import { UrlFactsCache } from './build-event'
import { emptyBounds, readHeader, stripPastePrefix } from './line-header'
import { bannerOffsetAt, logTime, LogTimes } from './log-time'
import { LogScanner } from './log-scanner'
import { matchExchangeAt } from './message-matchers'
import type { ParsedPiece } from './parsed-piece'
import { PieceBuilder } from './piece-builder'
import { TargetNumbers } from './target-numbers'

/** A request waiting for its response line: the correlation key and the event key it became. */
export interface PendingRequest {
  readonly corr: string
  readonly key: string
}

/** The parser's state that must survive a restart, stored with the tail cursor. */
export interface ParserState {
  /** The UTC offset from the latest start-up banner, in minutes, or null. */
  readonly offsetMinutes: number | null
  readonly pending: readonly PendingRequest[]
}

/**
 * A waiting request: its event's key as parts (the wall-clock ms of its line and the two lanes
 * of its hash), and where its record is: the number of the piece that holds it (-1 for a request
 * from a stored state) and its index there.
 */
interface OpenRequest {
  readonly wall: number
  readonly h1: number
  readonly h2: number
  readonly piece: number
  readonly record: number
}

// Correlation keys in memory: an `HCl#` id as it is (a short, flat string hashes fast), or `]`
// and a hash of thread, method and URL (no id holds `]`). Stored as `h:…` and `t:…`.
const threadCorr = ']'

function toStoredCorr(corr: string): string {
  return corr.startsWith(threadCorr) ? `t:${corr.slice(1)}` : `h:${corr}`
}

function fromStoredCorr(stored: string): string {
  return stored.startsWith('t:') ? `${threadCorr}${stored.slice(2)}` : stored.slice(2)
}

/** How many unanswered requests are remembered; older ones stay `status: null`. */
export const maxPending = 2_000

/**
 * Turns server log bytes into outbound exchanges, written as records of a piece
 * (parsed-piece.ts): scans lines, reads headers, matches exchange messages and correlates a
 * response or error with its request by `HCl#` id, else by thread, method and URL. A request
 * becomes an event at once (status null); a response in the same piece completes it there, a
 * later one becomes an answer record. A response or error without a remembered request is an
 * event of its own. `take()` hands over what was parsed since the last take.
 */
export class LogParser {
  private readonly scanner: LogScanner
  private readonly pending = new Map<string, OpenRequest>()
  private offsetMinutes: number | null
  private readonly urls: UrlFactsCache
  private readonly times = new LogTimes()
  /** The current line's header, read as offsets: only what a line needs is sliced from it. */
  private readonly header = emptyBounds()
  private readonly piece = new PieceBuilder()
  private readonly targets = new TargetNumbers()
  /** The number of the piece being built: a request waiting in it is answered in place. */
  private pieceNo = 0
  private foldedAnswers = 0
  file: string

  constructor(options: {
    file: string
    state?: ParserState
    start?: { offset: number; lineNo: number }
    extraRows?: readonly ClassifierRow[]
  }) {
    this.file = options.file
    this.offsetMinutes = options.state?.offsetMinutes ?? null
    for (const p of options.state?.pending ?? []) {
      const parts = keyParts(p.key)
      if (parts !== null) {
        this.pending.set(fromStoredCorr(p.corr), { ...parts, piece: -1, record: 0 })
      }
    }
    this.urls = new UrlFactsCache(options.extraRows ?? [])
    this.scanner = new LogScanner((line, lineNo) => this.onLine(line, lineNo), options.start)
  }

  /** Byte offset after the last complete line, and that line's number. */
  get position(): { offset: number; lineNo: number } {
    return { offset: this.scanner.offset, lineNo: this.scanner.lineNo }
  }

  /** Skipped lines so far, by reason. */
  get skipped(): SkipCounts {
    return this.scanner.skipped
  }

  /** The state to store with the cursor. */
  get state(): ParserState {
    return {
      offsetMinutes: this.offsetMinutes,
      pending: [...this.pending].map(([corr, k]) => ({
        corr: toStoredCorr(corr),
        key: keyText(k.wall, k.h1, k.h2),
      })),
    }
  }

  /** Moves on to another file (rotation): positions restart, correlation state carries over. */
  switchFile(
    file: string,
    start: { offset: number; lineNo: number } = { offset: 0, lineNo: 0 },
  ): void {
    this.file = file
    this.scanner.offset = start.offset
    this.scanner.lineNo = start.lineNo
  }

  /** Feeds the next bytes of the file. */
  feed(chunk: Buffer): void {
    this.scanner.feed(chunk)
  }

  /** Ends the file: a final line without a newline is parsed too. */
  finish(): void {
    this.scanner.finish()
  }

  /** Records parsed since the last take. */
  get parsed(): number {
    return this.piece.size
  }

  /** Hands over what was parsed since the last take, as a piece of this parser's stream. */
  take(): ParsedPiece {
    this.pieceNo++
    return this.piece.take(this.targets)
  }

  /** Answers so far that completed their request in its own piece instead of becoming records. */
  get folded(): number {
    return this.foldedAnswers
  }

  private onLine(raw: string, lineNo: number): void {
    const line = stripPastePrefix(raw)
    const header = this.header
    if (!readHeader(line, header)) {
      this.scanner.skipped.malformed++
      return
    }
    const banner = bannerOffsetAt(line, header.messageStart)
    if (banner !== null) {
      this.offsetMinutes = banner
      return
    }
    const x = matchExchangeAt(line, header.messageStart)
    if (!x) {
      return
    }
    // Hashed: the pending list is stored with the cursor and a raw URL may hold a token.
    const corr = x.hcl ?? `${threadCorr}${eventKey(`${this.threadOf(line)} ${x.method} ${x.url}`)}`
    if (x.kind === 'response' || x.kind === 'error') {
      const key = this.pending.get(corr)
      if (key !== undefined) {
        this.pending.delete(corr)
        const status = x.kind === 'response' ? x.status : null
        const error = x.kind === 'error' ? redactText(x.error) : null
        // A response usually follows its request within milliseconds: completing the event
        // itself spares the store an insert followed by an update.
        if (key.piece === this.pieceNo) {
          this.piece.complete(key.record, status, error)
          this.foldedAnswers++
        } else {
          this.piece.answer(key.wall, key.h1, key.h2, status, error)
        }
        return
      }
    }
    const wallMs = this.times.wallMsAt(line, header.stampEnd)
    const { h1, h2 } = keyLanes(line)
    const facts = this.urls.get(x.method, x.url)
    const record = this.piece.event({
      target: this.targets.numberOf(facts, this.piece.string),
      status: x.kind === 'response' ? x.status : null,
      error: x.kind === 'error' ? redactText(x.error) : null,
      file: this.file,
      line: lineNo,
      wallMs,
      h1,
      h2,
      zone: this.offsetMinutes,
      millis: header.stampEnd > 21,
      // Rare enough to build its text again: `Feb 30`, a year before 1970.
      oddTime: this.times.odd
        ? logTime(line.slice(0, header.stampEnd), this.offsetMinutes).iso
        : null,
    })
    if (x.kind === 'request') {
      const wall = Math.max(0, Math.floor(wallMs))
      this.remember(corr, { wall, h1, h2, piece: this.pieceNo, record })
    }
  }

  /** The current line's thread id, sliced only for an exchange without an `HCl#` id. */
  private threadOf(line: string): string {
    return line.slice(this.header.threadStart, this.header.threadEnd)
  }

  private remember(corr: string, key: OpenRequest): void {
    this.pending.delete(corr)
    this.pending.set(corr, key)
    if (this.pending.size > maxPending) {
      const oldest = this.pending.keys().next().value
      if (oldest !== undefined) {
        this.pending.delete(oldest)
      }
    }
  }
}
