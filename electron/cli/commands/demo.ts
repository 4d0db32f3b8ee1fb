import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { demoFlows, isDemoFlow } from '../../demo/sent-record'
import type { LogFormat } from '../../demo/log-line'
import { startDemoServer, type DemoServer } from '../../demo/start-demo-server'
import {
  exitCode,
  fail,
  flagOption,
  integerOption,
  stringOption,
  UsageError,
  type Command,
  type CommandContext,
} from '../command'

/** The port of a real Plex Media Server, used by the demo when it is free. */
const plexPort = 32400

/** Simulated history a newcomer sees at once in a fresh data folder. */
const defaultBackfillHours = 2

function speedOption(context: CommandContext): number {
  const raw = stringOption(context, 'speed')
  if (raw === undefined) {
    return 1
  }
  const speed = Number(raw)
  if (!Number.isFinite(speed) || speed <= 0) {
    throw new UsageError(`--speed takes a positive number, not "${raw}"`)
  }
  return speed
}

function logFormatOption(context: CommandContext): LogFormat | undefined {
  const raw = stringOption(context, 'log-format')
  if (raw !== undefined && raw !== '2018' && raw !== '2025' && raw !== '2026') {
    throw new UsageError(`--log-format takes 2025, 2026 or 2018, not "${raw}"`)
  }
  return raw
}

function isPortInUse(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
}

/** `hush demo`: a demo Plex Media Server to try Hush on, until Ctrl-C. */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'Run a demo Plex Media Server (settings, libraries, logs, crash reports) until Ctrl-C',
  usage:
    '[--port N] [--token T] [--data-dir DIR] [--log-format 2025|2026|2018] [--speed X] [--seed N] [--legacy] [--fail-put N] [--leak FLOW]',
  options: {
    port: { type: 'string' },
    token: { type: 'string' },
    'data-dir': { type: 'string' },
    'log-format': { type: 'string' },
    speed: { type: 'string' },
    seed: { type: 'string' },
    legacy: { type: 'boolean' },
    'fail-put': { type: 'string' },
    leak: { type: 'string' },
  },
  async run(context) {
    const { io } = context
    const speed = speedOption(context)
    const logFormat = logFormatOption(context)
    const seedText = stringOption(context, 'seed')
    const seed = seedText === undefined ? undefined : integerOption(context, 'seed', 0)
    const leak = stringOption(context, 'leak')
    if (leak !== undefined && !isDemoFlow(leak)) {
      throw new UsageError(`--leak takes one of ${demoFlows.join(', ')}, not "${leak}"`)
    }
    const failPut = integerOption(context, 'fail-put', 0)
    const portText = stringOption(context, 'port')
    const port = portText === undefined ? plexPort : integerOption(context, 'port', plexPort)
    const dataDirText = stringOption(context, 'data-dir')
    const dataDir =
      dataDirText === undefined ? await mkdtemp(join(tmpdir(), 'hush-demo-')) : resolve(dataDirText)
    const token = stringOption(context, 'token')
    const options = {
      dataDir,
      ...(logFormat === undefined ? {} : { logFormat }),
      speed,
      legacy: flagOption(context, 'legacy'),
      backfillHours: defaultBackfillHours,
      // Helper processes named like Plex's make real connections, for the connection witness.
      connections: true,
      ...(seed === undefined ? {} : { seed }),
      ...(token === undefined ? {} : { token }),
    }
    let demo: DemoServer
    try {
      try {
        demo = await startDemoServer({ ...options, port })
      } catch (error) {
        if (portText !== undefined || !isPortInUse(error)) {
          throw error
        }
        demo = await startDemoServer({ ...options, port: 0 })
        io.stdout(`Port ${plexPort} is in use (a real Plex Media Server?); using another port.\n`)
      }
    } catch (error) {
      return fail(io, `the demo server did not start: ${(error as Error).message}`)
    }
    if (failPut > 0) {
      demo.faults.failPut(failPut)
    }
    if (leak !== undefined && isDemoFlow(leak)) {
      demo.faults.leak(leak)
    }
    io.stdout(
      [
        `Demo Plex Media Server ${demo.version} is running.`,
        `  URL:          ${demo.url}`,
        `  Token:        ${demo.token}`,
        `  Data folder:  ${demo.dataDir}`,
        '',
        // The token in the environment, as the README shows: an argument is visible to every
        // user of the machine in `ps`, and a newcomer copies this line as the way to do it.
        `Try: HUSH_TOKEN=${demo.token} hush status --server ${demo.url} --account-url ${demo.url} --data-dir "${demo.dataDir}"`,
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    )
    await new Promise<void>(done => {
      if (io.signal.aborted) {
        done()
      } else {
        io.signal.addEventListener('abort', () => done(), { once: true })
      }
    })
    await demo.close()
    io.stdout('Demo server stopped.\n')
    return exitCode.ok
  },
}
