import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { LogFormat } from './log-line'
import { createLogWriter, type LogWriter } from './log-writer'
import type { SimClock } from './sim-clock'
import {
  createTrafficGenerator,
  type InboundRequest,
  type TrafficGenerator,
} from './traffic-generator'
import type { SentRecord } from './sent-record'
import type { TrafficWorld } from './traffic-types'

/** Options of startLogRuntime. */
export interface LogRuntimeOptions {
  readonly dataDir: string
  readonly format: LogFormat
  readonly seed: number
  readonly clock: SimClock
  readonly rotateBytes: number
  readonly backfillHours: number
  readonly machineIdentifier: string
  readonly version: string
  readonly token: string
  readonly port: number
  readonly world: TrafficWorld
  /** Told of every request or connection the server made (the demo's ground truth). */
  readonly onSent?: (record: SentRecord) => void
}

/** The running log of the demo: the traffic generator driven by the simulated clock, into files. */
export interface LogRuntime {
  readonly writer: LogWriter
  /** Writes every line up to the clock's now. */
  readonly flush: () => void
  readonly inbound: (request: InboundRequest) => void
  readonly settingsChanged: (ids: readonly string[]) => void
  /** A metadata refresh of one library (or all) now. */
  readonly refresh: (libraryId?: number) => void
  /** Jumps the clock forward and writes the traffic of that time. */
  readonly advance: (millis: number) => void
  /** A restart into a new version (and perhaps a newer line grammar): the log rotates and starts again. */
  readonly restart: (version: string, format: LogFormat) => void
  readonly stop: () => void
}

/** Starts writing `<dataDir>/Logs/Plex Media Server.log`, ticking four times a second. */
export function startLogRuntime(options: LogRuntimeOptions): LogRuntime {
  const logsDir = join(options.dataDir, 'Logs')
  const fresh = !existsSync(join(logsDir, 'Plex Media Server.log'))
  const writer = createLogWriter(logsDir, options.rotateBytes)
  const clock = options.clock
  let runs = 0
  let format = options.format
  const generatorFor = (version: string, startTime: number): TrafficGenerator =>
    createTrafficGenerator({
      seed: options.seed + runs++,
      startTime,
      format,
      utcOffsetMinutes: -new Date(startTime).getTimezoneOffset(),
      machineIdentifier: options.machineIdentifier,
      version,
      port: options.port,
      dataDir: options.dataDir,
      token: options.token,
      world: options.world,
      onSent: options.onSent,
    })
  const backfill = fresh ? options.backfillHours * 3_600_000 : 0
  let generator = generatorFor(options.version, clock.now() - backfill)
  const flush = (): void => {
    const events = generator.advanceTo(clock.now())
    if (events.length > 0) {
      writer.append(events.map(event => event.line))
    }
  }
  flush()
  const timer = setInterval(flush, 250)
  timer.unref()
  return {
    writer,
    flush,
    inbound: request => {
      flush()
      generator.inbound(clock.now(), request)
      flush()
    },
    settingsChanged: ids => {
      flush()
      generator.settingsChanged(clock.now(), ids)
      flush()
    },
    refresh: libraryId => {
      flush()
      generator.refresh(clock.now(), libraryId)
      flush()
    },
    advance: millis => {
      flush()
      clock.jump(millis)
      flush()
    },
    restart: (version, nextFormat) => {
      flush()
      format = nextFormat
      writer.rotate()
      generator = generatorFor(version, clock.now())
      flush()
    },
    stop: () => {
      clearInterval(timer)
      flush()
    },
  }
}
