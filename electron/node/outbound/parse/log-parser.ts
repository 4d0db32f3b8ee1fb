import type { ClassifierRow } from '../../../common/outbound/classifier-table'
import { eventKey, timedEventKey } from '../../../common/outbound/event-key'
import type { OutboundEvent, SkipCounts } from '../../../common/outbound/outbound-event'
import { redactText } from '../../../common/outbound/redact'
import { buildEvent, UrlFactsCache } from './build-event'
import { parseHeader, stripPastePrefix } from './line-header'
import { bannerOffset, LogTimes } from './log-time'
import { LogScanner } from './log-scanner'
import { matchExchange } from './message-matchers'

/**
 * What parsing produces: a new event (with its time in epoch ms when the parser knows it), or
 * the answer to an event emitted in an earlier batch (its request).
 */
export type ParseOp =
  | { readonly op: 'event'; readonly event: OutboundEvent; readonly ts?: number }
  | {
      readonly op: 'answer'
      readonly key: string
      readonly status: number | null
      readonly error: string | null
    }

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

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

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
 * Turns server log bytes into outbound events: scans lines, reads headers, matches exchange
 * messages and correlates a response or error with its request by `HCl#` id, else by thread,
 * method and URL. A request becomes an event at once (status null); its response becomes an
 * `answer` op. A response or error without a remembered request is an event of its own.
 */
export class LogParser {
  private readonly scanner: LogScanner
  private readonly pending = new Map<string, string>()
  private offsetMinutes: number | null
  private ops: ParseOp[] = []
  private readonly urls: UrlFactsCache
  private readonly times = new LogTimes()
  /** Requests emitted in the batch not yet taken, by correlation key: answered in place. */
  private readonly batchOpen = new Map<string, Mutable<OutboundEvent>>()
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
      this.pending.set(fromStoredCorr(p.corr), p.key)
    }
    const extraRows = options.extraRows ?? []
    this.urls = new UrlFactsCache(extraRows)
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
      pending: [...this.pending].map(([corr, key]) => ({ corr: toStoredCorr(corr), key })),
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

  /** Feeds bytes and returns the ops they completed. */
  feed(chunk: Buffer): ParseOp[] {
    this.scanner.feed(chunk)
    return this.take()
  }

  /** Ends the file: a final line without a newline is parsed too. */
  finish(): ParseOp[] {
    this.scanner.finish()
    return this.take()
  }

  /** Answers so far that completed their request in its own batch instead of becoming ops. */
  get folded(): number {
    return this.foldedAnswers
  }

  private take(): ParseOp[] {
    const ops = this.ops
    this.ops = []
    this.batchOpen.clear()
    return ops
  }

  private onLine(raw: string, lineNo: number): void {
    const line = stripPastePrefix(raw)
    const header = parseHeader(line)
    if (!header) {
      this.scanner.skipped.malformed++
      return
    }
    const banner = bannerOffset(header.message)
    if (banner !== null) {
      this.offsetMinutes = banner
      return
    }
    const x = matchExchange(header.message)
    if (!x) {
      return
    }
    // Hashed: the pending list is stored with the cursor and a raw URL may hold a token.
    const corr =
      x.hcl !== null ? x.hcl : `${threadCorr}${eventKey(`${header.thread} ${x.method} ${x.url}`)}`
    if (x.kind === 'response' || x.kind === 'error') {
      const key = this.pending.get(corr)
      if (key !== undefined) {
        this.pending.delete(corr)
        const status = x.kind === 'response' ? x.status : null
        const error = x.kind === 'error' ? redactText(x.error) : null
        // A response usually follows its request within milliseconds: completing the event
        // itself spares the store an insert followed by an update.
        const open = this.batchOpen.get(corr)
        // A stale entry stays until the batch is taken: `pending` decides what is open.
        if (open !== undefined && open.key === key) {
          open.status = status
          open.error = error
          this.foldedAnswers++
        } else {
          this.ops.push({ op: 'answer', key, status, error })
        }
        return
      }
    }
    const time = this.times.at(header.stamp, this.offsetMinutes)
    const key = timedEventKey(time.wallMs, line)
    const event = buildEvent(
      {
        key,
        time,
        method: x.method,
        url: x.url,
        status: x.kind === 'response' ? x.status : null,
        error: x.kind === 'error' ? x.error : null,
        file: this.file,
        line: lineNo,
      },
      [],
      this.urls,
    )
    const offset = time.localTime ? 0 : (this.offsetMinutes ?? 0)
    this.ops.push({ op: 'event', event, ts: time.wallMs - offset * 60_000 })
    if (x.kind === 'request') {
      this.remember(corr, key)
      this.batchOpen.set(corr, event)
    }
  }

  private remember(corr: string, key: string): void {
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
