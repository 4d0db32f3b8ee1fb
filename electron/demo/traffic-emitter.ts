import { createLineRenderer, type LineRenderer, type LogLevel } from './log-line'
import { createRandom, type Random } from './random'
import type { DemoFlow, Gate, SentRecord } from './sent-record'
import type { TrafficEvent, TrafficOptions, TrafficWorld } from './traffic-types'

interface Pending {
  readonly time: number
  readonly seq: number
  readonly thread: string
  readonly level: LogLevel
  readonly message: string
  /** The request this line makes, to record once it is known whether the line was written. */
  readonly sent?: Omit<SentRecord, 'logged'>
}

/** One request the server makes: what it looks like in the log, and why it was made. */
export interface OutboundCall {
  readonly method: string
  readonly url: string
  readonly flow: DemoFlow
  /** The settings that had to allow it (empty for background traffic). */
  readonly gates: readonly Gate[]
  /** A POST's body (never logged; kept in the ground truth). */
  readonly body?: string
  /** `MediaProviderManager` → `[MediaProviderManager/HCl#…]`; `Req` → `[Req#…/HCl#…]`. */
  readonly component?: string
  readonly status?: number
  readonly http2?: boolean
}

/** The masked token text of the real server: exactly 20 `x`. */
export const maskedToken = 'xxxxxxxxxxxxxxxxxxxx'

/**
 * The low-level writer of the traffic: a time-ordered queue of rendered lines, thread ids, `HCl#`
 * and `Req#` counters, and the request → response (or error) pairs of outbound HTTP.
 */
export class TrafficEmitter {
  readonly random: Random
  readonly world: TrafficWorld
  private readonly render: LineRenderer
  private readonly heap: Pending[] = []
  private seq = 0
  /** The time of the last line handed out: later lines never go back before it. */
  private floor = Number.NEGATIVE_INFINITY
  private hcl: number
  private req: number
  private process: number
  private readonly threads: string[]
  /** The thread of the HttpClient, which logs every response. */
  readonly httpThread: string
  /** The thread of the pub/sub event source. */
  readonly pubsubThread: string

  constructor(readonly options: TrafficOptions) {
    this.random = createRandom(options.seed)
    this.world = options.world
    this.render = createLineRenderer(options.format, options.utcOffsetMinutes ?? 0)
    this.hcl = this.random.int(0x20, 0x60)
    this.req = this.random.int(0x100, 0x900)
    this.process = this.random.int(300, 900)
    // Linux builds since 2023 print decimal thread ids (14 digits in 2025, 12 on the 2026 arm64
    // sample); 2017–2018 Linux builds printed `0x7f…` with 12 hex digits.
    const base = options.format === '2026' ? 547_400_000_000 : 23_030_400_000_000
    const ids = Array.from({ length: 14 }, () =>
      options.format === '2018'
        ? `0x7f${this.random.hex(7)}700`
        : String(base + this.random.int(0, 200_000_000)),
    )
    this.httpThread = ids[0] as string
    this.pubsubThread = ids[1] as string
    this.threads = ids.slice(2)
  }

  /** A worker thread id. */
  thread(): string {
    return this.random.pick(this.threads)
  }

  /** The next `Req#` id (hex). */
  nextReq(): string {
    this.req += this.random.int(1, 3)
    return this.req.toString(16)
  }

  /** The next process id of a job. */
  nextProcess(): number {
    this.process += this.random.int(1, 40)
    return this.process
  }

  /** Whether a boolean setting is on (false when this version lacks it). */
  on(id: string): boolean {
    return this.world.setting(id) === true
  }

  /** Whether a flow goes out: every gate is open, or the demo is told to leak the flow. */
  sends(flow: DemoFlow, gates: readonly Gate[]): boolean {
    return gates.every(gate => gate.open) || this.world.leaks().has(flow)
  }

  /** A server setting as a gate: open when `isOpen` says so (by default, when it is `true`). */
  prefGate(id: string, isOpen: (value: unknown) => boolean = value => value === true): Gate {
    return { setting: `pref:${id}`, open: isOpen(this.world.setting(id)) }
  }

  /** A library's agent as a gate: open while the agent asks an internet service. */
  agentGate(library: { readonly id: number; readonly online: boolean }): Gate {
    return { setting: `library:${library.id}:agent`, open: library.online }
  }

  /** A library pref as a gate: open while it is `true`. */
  libraryPrefGate(
    library: { readonly id: number; readonly pref: (id: string) => unknown },
    prefId: string,
  ): Gate {
    return { setting: `library:${library.id}:pref:${prefId}`, open: library.pref(prefId) === true }
  }

  /** Records a request or connection that never shows in the server's log. */
  record(time: number, call: Pick<OutboundCall, 'method' | 'url' | 'flow' | 'gates'>): void {
    this.options.onSent?.({
      time,
      flow: call.flow,
      method: call.method,
      url: call.url,
      gates: call.gates,
      leaked: !call.gates.every(gate => gate.open),
      logged: false,
    })
  }

  /** The ground-truth part of a request line. */
  sentBy(
    time: number,
    call: Pick<OutboundCall, 'method' | 'url' | 'flow' | 'gates' | 'body'>,
  ): Omit<SentRecord, 'logged'> {
    return {
      time,
      flow: call.flow,
      method: call.method,
      url: call.url,
      ...(call.body === undefined ? {} : { body: call.body }),
      gates: call.gates,
      leaked: !call.gates.every(gate => gate.open),
    }
  }

  /** The token as the log prints it: masked unless the owner allowed tokens in logs. */
  token(): string {
    const allowed = this.on('LogTokensForDebug') || this.on('logTokens')
    return allowed && this.options.token !== undefined ? this.options.token : maskedToken
  }

  /** Queues one line (written only if its level is logged when its time comes). */
  line(
    time: number,
    level: LogLevel,
    message: string,
    thread = this.thread(),
    extra: { sent?: Omit<SentRecord, 'logged'> } = {},
  ): void {
    this.push({
      time: Math.max(time, this.floor),
      seq: this.seq++,
      thread,
      level,
      message,
      ...extra,
    })
  }

  /** Whether a level is written now: DEBUG only while `logDebug` is on, VERBOSE also needs `LogVerbose`. */
  private logged(level: LogLevel): boolean {
    if ((level === 'DEBUG' || level === 'VERBOSE') && this.world.setting('logDebug') === false) {
      return false
    }
    return level !== 'VERBOSE' || this.on('LogVerbose')
  }

  /** Logs an outbound request and, from the HttpClient thread, its response or error; returns the end time. */
  request(time: number, call: OutboundCall): number {
    if (this.options.format === '2018') {
      return this.request2018(time, call)
    }
    const id = (this.hcl++).toString(16)
    const prefix =
      call.component === 'Req'
        ? `[Req#${this.nextReq()}/HCl#${id}]`
        : call.component === undefined
          ? `[HCl#${id}]`
          : `[${call.component}/HCl#${id}]`
    const thread = this.thread()
    this.line(time, 'DEBUG', `${prefix} HTTP requesting ${call.method} ${call.url}`, thread, {
      sent: this.sentBy(time, call),
    })
    const loopback = call.url.startsWith('http://127.0.0.1')
    const duration = loopback ? this.random.int(1, 40) : this.random.int(60, 900)
    const end = time + duration
    const host = new URL(call.url).hostname
    const plexTv = host === 'plex.tv' || host.endsWith('.plex.tv')
    if ((plexTv && this.world.plexTvDown()) || (!loopback && this.random.next() < 0.01)) {
      this.line(
        end,
        'WARN',
        `[HttpClient/HCl#${id}] HTTP error requesting ${call.method} ${call.url} (6, Couldn't resolve host name) (Could not resolve host: ${host})`,
        this.httpThread,
      )
      if (host === 'plex.tv') {
        this.line(end, 'ERROR', `MyPlex: Error -6 requesting JSON from: ${call.url}`, thread)
      }
      return end
    }
    const protocol = call.http2 === true ? 'HTTP/2.0' : 'HTTP/1.1'
    const reused = this.random.next() < 0.6 ? ' (reused)' : ''
    this.line(
      end,
      'DEBUG',
      `[HttpClient/HCl#${id}] ${protocol} (${(duration / 1000).toFixed(1)}s) ${call.status ?? 200} response from ${call.method} ${call.url}${reused}`,
      this.httpThread,
    )
    return end
  }

  /** The 2017–2018 shapes: no `HCl#`, the response on the requesting thread, curl errors. */
  private request2018(time: number, call: OutboundCall): number {
    const thread = this.thread()
    this.line(time, 'DEBUG', `HTTP requesting ${call.method} ${call.url}`, thread, {
      sent: this.sentBy(time, call),
    })
    const loopback = call.url.startsWith('http://127.0.0.1')
    const end = time + (loopback ? this.random.int(1, 40) : this.random.int(60, 900))
    const host = new URL(call.url).hostname
    const plexTv = host === 'plex.tv' || host.endsWith('.plex.tv')
    if ((plexTv && this.world.plexTvDown()) || (!loopback && this.random.next() < 0.01)) {
      this.line(end, 'ERROR', 'Error issuing curl_easy_perform(handle): 6', thread)
      this.line(
        end,
        'WARN',
        `HTTP error requesting ${call.method} ${call.url} (0, No error) (Couldn't resolve host '${host}')`,
        thread,
      )
      return end
    }
    this.line(
      end,
      'DEBUG',
      `HTTP ${call.status ?? 200} response from ${call.method} ${call.url}`,
      thread,
    )
    return end
  }

  /** The time of the earliest queued line, or undefined. */
  peekTime(): number | undefined {
    return this.heap[0]?.time
  }

  /** Removes the earliest queued line; returns it rendered, or null when its level is not logged now. */
  take(): TrafficEvent | null {
    const next = this.pop()
    if (next === undefined) {
      return null
    }
    const written = this.logged(next.level)
    if (next.sent !== undefined) {
      this.options.onSent?.({ ...next.sent, logged: written })
    }
    return written
      ? { time: next.time, line: this.render(next.time, next.thread, next.level, next.message) }
      : null
  }

  private pop(): Pending | undefined {
    const heap = this.heap
    const top = heap[0]
    if (top !== undefined) {
      this.floor = top.time
    }
    const last = heap.pop()
    if (top === undefined || last === undefined || heap.length === 0) {
      return top
    }
    heap[0] = last
    let index = 0
    for (;;) {
      const left = index * 2 + 1
      const right = left + 1
      let smallest = index
      if (left < heap.length && before(heap[left] as Pending, heap[smallest] as Pending)) {
        smallest = left
      }
      if (right < heap.length && before(heap[right] as Pending, heap[smallest] as Pending)) {
        smallest = right
      }
      if (smallest === index) {
        break
      }
      ;[heap[index], heap[smallest]] = [heap[smallest] as Pending, heap[index] as Pending]
      index = smallest
    }
    return top
  }

  private push(event: Pending): void {
    const heap = this.heap
    heap.push(event)
    let index = heap.length - 1
    while (index > 0) {
      const parent = (index - 1) >> 1
      if (!before(heap[index] as Pending, heap[parent] as Pending)) {
        break
      }
      ;[heap[index], heap[parent]] = [heap[parent] as Pending, heap[index] as Pending]
      index = parent
    }
  }
}

function before(a: Pending, b: Pending): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq)
}
