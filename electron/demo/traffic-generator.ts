import { demoNetwork } from './demo-world'
import { gmtOffsetText } from './log-line'
import { activityJobs } from './traffic-activity'
import { TrafficEmitter } from './traffic-emitter'
import { mediaJobs } from './media-jobs'
import { networkJobs } from './network-jobs'
import type { TrafficJob } from './traffic-job'
import { refreshLibraries } from './traffic-refresh'
import type { TrafficEvent, TrafficOptions } from './traffic-types'

/** An inbound request handled by the server, for its `Request:`/`Completed:` lines. */
export interface InboundRequest {
  readonly method: string
  /** Path and query, tokens already masked. */
  readonly target: string
  readonly status: number
  readonly bytes: number
  readonly millis: number
  readonly remoteAddress: string
  readonly remotePort: number
  readonly signedIn: boolean
  readonly user: string
  readonly product: string
}

/** A deterministic generator of Plex Media Server.log lines (pure: no clock, no files). */
export interface TrafficGenerator {
  /** Every line up to and including `time`, in time order. */
  readonly advanceTo: (time: number) => TrafficEvent[]
  /** Queues the start-up banner at `time` (the log then restarts with it). */
  readonly banner: (time: number, version: string) => void
  /** Queues the lines of a request the server answered at `time`. */
  readonly inbound: (time: number, request: InboundRequest) => void
  /** Queues what the server logs when settings changed at `time`. */
  readonly settingsChanged: (time: number, ids: readonly string[]) => void
  /** A metadata refresh of one library (or all), asked for at `time`. */
  readonly refresh: (time: number, libraryId?: number) => void
}

interface Scheduled {
  readonly job: TrafficJob
  next: number
}

/**
 * Creates the traffic generator: the outbound traffic that the current setting values imply,
 * interleaved with inbound requests, loopback plug-in calls and noise.
 *
 * The same options (seed, start time, world) give the same lines. The demo server drives it with its
 * simulated clock; a benchmark drives it as fast as it can (`advanceTo(time + hours)` in a loop).
 */
export function createTrafficGenerator(options: TrafficOptions): TrafficGenerator {
  const emitter = new TrafficEmitter(options)
  const scheduled: Scheduled[] = [...networkJobs(), ...mediaJobs(), ...activityJobs()].map(job => ({
    job,
    next: options.startTime + job.first,
  }))
  const banner = (time: number, version: string): void => {
    const offset = gmtOffsetText(options.utcOffsetMinutes ?? 0)
    const main = emitter.thread()
    emitter.line(
      time,
      'INFO',
      `Plex Media Server v${version} - Debian PC x86_64 - build: linux-x86_64 debian - ${offset}`,
      main,
    )
    emitter.line(
      time,
      'INFO',
      `Linux version: ${demoNetwork.platformVersion}, language: en-US`,
      main,
    )
    emitter.line(time, 'INFO', 'Processor: 4-core Intel(R) Core(TM) i5-8500T CPU @ 2.10GHz', main)
    emitter.line(time + 1, 'INFO', '/usr/lib/plexmediaserver/Plex Media Server', main)
    emitter.line(time + 40, 'DEBUG', 'BPQ: [Idle] -> [Starting]', main)
    if (emitter.world.setting('sendCrashReports') === false) {
      emitter.line(time + 45, 'WARN', 'Crash: Crash reporting disabled', main)
    }
  }
  banner(options.startTime, options.version)
  return {
    advanceTo: time => {
      const out: TrafficEvent[] = []
      for (;;) {
        let earliest: Scheduled | undefined
        for (const entry of scheduled) {
          if (earliest === undefined || entry.next < earliest.next) {
            earliest = entry
          }
        }
        const head = emitter.peekTime()
        if (
          earliest !== undefined &&
          earliest.next <= time &&
          (head === undefined || earliest.next <= head)
        ) {
          earliest.next += Math.max(1000, earliest.job.run(emitter, earliest.next))
          continue
        }
        if (head !== undefined && head <= time) {
          const event = emitter.take()
          if (event !== null) {
            out.push(event)
          }
          continue
        }
        return out
      }
    },
    banner,
    inbound: (time, request) => {
      const id = emitter.nextReq()
      const thread = emitter.thread()
      const local = request.remoteAddress.replace(/^::ffff:/, '')
      const where = local === '127.0.0.1' || local === '::1' ? 'Loopback' : 'Subnet'
      const who = request.signedIn ? ` Signed-in Token (${request.user})` : ''
      const started = time - request.millis
      emitter.line(
        started,
        'DEBUG',
        `Request: [${local}:${request.remotePort} (${where})] ${request.method} ${request.target} (1 live) #${id}${who} (${request.product})`,
        thread,
      )
      emitter.line(
        time,
        'DEBUG',
        `Completed: [${local}:${request.remotePort}] ${request.status} ${request.method} ${request.target} (1 live) #${id} ${request.millis}ms ${request.bytes} bytes`,
        thread,
      )
    },
    refresh: (time, libraryId) => {
      refreshLibraries(emitter, time, id => libraryId === undefined || id === libraryId)
    },
    settingsChanged: (time, ids) => {
      for (const id of ids) {
        if (id === 'sendCrashReports' && emitter.world.setting(id) === false) {
          emitter.line(time, 'WARN', 'Crash: Crash reporting disabled')
        } else {
          emitter.line(time, 'DEBUG', `Preferences: setting ${id} changed`)
        }
      }
    },
  }
}
