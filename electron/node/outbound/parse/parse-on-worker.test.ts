import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OutboundEvent } from '../../../common/outbound/outbound-event'
import { syntheticLogText } from '../testing/synthetic-log'
import { parseBatches, type ParseThreads } from './parse-batches'
import { parseFiles } from './parse-file'
import { workerScript } from './worker-script'

// The desktop's own worker bundle, as `npm run build` lays it out beside the main bundle.
const desktopWorker = join(process.cwd(), 'dist', 'main', 'outbound-worker.mjs')
const exchanges = 4_000

let dir: string
let logPath: string
/** The desktop's worker bundle where the packaged app has it: inside `resources/app.asar`. */
let archived: URL

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-worker-'))
  logPath = join(dir, 'Plex Media Server.log')
  const options = {
    seed: 11,
    start: Date.UTC(2025, 2, 1),
    stepMs: 700,
    noise: 3,
    unansweredEvery: 13,
  }
  writeFileSync(logPath, syntheticLogText(options, exchanges))
  const inArchive = join(dir, 'resources', 'app.asar', 'dist', 'main')
  mkdirSync(inArchive, { recursive: true })
  copyFileSync(desktopWorker, join(inArchive, 'outbound-worker.mjs'))
  archived = pathToFileURL(join(inArchive, 'outbound-worker.mjs'))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function parse(threads: ParseThreads): Promise<{
  events: OutboundEvent[]
  parsedOn: Awaited<ReturnType<typeof parseFiles>>['parsedOn']
}> {
  const events: OutboundEvent[] = []
  const { parsedOn } = await parseFiles([logPath], batch => events.push(...batch), threads)
  return { events, parsedOn }
}

/** A worker bundle of the given text, written beside the log. */
function workerOf(name: string, text: string): URL {
  const path = join(dir, name)
  writeFileSync(path, text)
  return pathToFileURL(path)
}

describe('the parser worker of the desktop app', () => {
  it('is built beside the main bundle, where the main bundle looks for it', () => {
    const main = readFileSync(join(process.cwd(), 'dist', 'main', 'index.mjs'), 'utf8')
    expect(main).toContain('new URL("./outbound-worker.mjs", import.meta.url)')
    expect(readFileSync(desktopWorker, 'utf8')).toContain('parentPort')
  })

  it('is handed over as its text from inside an app archive, and as its file elsewhere', () => {
    const script = workerScript(archived)
    expect(script.protocol).toBe('data:')
    expect(script.href.startsWith('data:text/javascript;base64,')).toBe(true)
    const unpacked = pathToFileURL(desktopWorker)
    expect(workerScript(unpacked)).toBe(unpacked)
  })

  it('parses from the archive on its own thread exactly what this thread parses', async () => {
    const here = await parse({ worker: null })
    expect(here.parsedOn).toEqual([{ thread: 'this' }])
    expect(here.events).toHaveLength(exchanges)
    const onWorker = await parse({ worker: archived, forceWorker: true })
    expect(onWorker.parsedOn).toEqual([{ thread: 'worker' }])
    expect(onWorker.events).toEqual(here.events)
  }, 60_000)

  it('leaves a log under 8 MiB to this thread unless told otherwise', async () => {
    const small = await parse({ worker: archived })
    expect(small.parsedOn).toEqual([{ thread: 'this' }])
  }, 60_000)
})

describe('a thread whose log is parsed on a worker', () => {
  it('turns its event loop between every two batches, so it answers while a large import runs', async () => {
    // Small batches, so that the worker runs ahead with both its credits.
    const job = { path: logPath, file: 'Plex Media Server.log', batchBytes: 16 * 1024 }
    let batches = 0
    let turnedEachTime = true
    let turned = true
    const on = await parseBatches(
      job,
      () => {
        batches++
        turnedEachTime &&= turned
        turned = false
        setImmediate(() => (turned = true))
      },
      { worker: archived, forceWorker: true },
    )
    expect(on).toEqual({ thread: 'worker' })
    expect(batches).toBeGreaterThan(20)
    expect(turnedEachTime).toBe(true)
  }, 60_000)
})

describe('a parser worker that cannot start', () => {
  it('leaves the parse to this thread, which loses nothing, and says why', async () => {
    const broken = workerOf('broken-worker.mjs', "import './not-built.mjs'\n")
    const here = await parse({ worker: null })
    const fellBack = await parse({ worker: broken, forceWorker: true })
    expect(fellBack.parsedOn).toHaveLength(1)
    expect(fellBack.parsedOn[0]).toMatchObject({ thread: 'this' })
    expect(fellBack.parsedOn[0]).toHaveProperty(
      'workerFailed',
      expect.stringContaining('not-built'),
    )
    expect(fellBack.events).toEqual(here.events)
  }, 60_000)

  it('fails the parse once a batch has arrived, rather than handing the log over twice', async () => {
    const dying = workerOf(
      'dying-worker.mjs',
      [
        "import { parentPort } from 'node:worker_threads'",
        'parentPort.postMessage({ type: "batch", batch: { pieces: [], folded: 0,',
        '  position: { offset: 0, lineNo: 0 }, state: undefined, skipped: {} } })',
        'process.exit(3)',
        '',
      ].join('\n'),
    )
    await expect(parse({ worker: dying, forceWorker: true })).rejects.toThrow(
      'the log parser stopped (exit 3)',
    )
  }, 60_000)
})
