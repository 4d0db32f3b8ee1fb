import Database from 'better-sqlite3'
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { syntheticLogText } from '../testing/synthetic-log'
import { storedKeySql } from '../testing/stored-key'
import { storedTimeSql } from '../testing/text-time-rows'

const root = process.cwd()
// The CLI and its parser worker bundled side by side, as `npm run build` lays them out in dist/.
const outdir = join(root, 'node_modules', '.cache', 'hush-tests', 'parse-worker')
const exchanges = 6_000

let dir: string
let logPath: string

beforeAll(async () => {
  await build({
    absWorkingDir: root,
    entryPoints: [
      { in: 'electron/cli/main.ts', out: 'hush' },
      { in: 'electron/node/outbound/parse/outbound-worker.ts', out: 'outbound-worker' },
    ],
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);",
    },
  })
  dir = await mkdtemp(join(tmpdir(), 'hush-'))
  logPath = join(dir, 'Plex Media Server.log')
  const options = {
    seed: 5,
    start: Date.UTC(2025, 0, 1),
    stepMs: 500,
    noise: 2,
    unansweredEvery: 17,
  }
  writeFileSync(logPath, syntheticLogText(options, exchanges))
}, 60_000)

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

function hush(args: string[], worker: '0' | '1'): string {
  const r = spawnSync(process.execPath, [join(outdir, 'hush.mjs'), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, HUSH_PARSE_WORKER: worker },
  })
  expect(r.status, r.stderr).toBe(0)
  return r.stdout
}

function storedRows(state: string): unknown[] {
  const db = new Database(join(state, 'outbound.sqlite'), { readonly: true })
  try {
    return db
      .prepare(
        `SELECT ${storedKeySql('e')}, ${storedTimeSql(db, 'e')}, t.method, t.url, e.status, e.error,
           t.category, lf.name, e.line
         FROM events e JOIN targets t ON t.id = e.target JOIN log_files lf ON lf.id = e.file_id
         ORDER BY e.id`,
      )
      .raw()
      .all()
  } finally {
    db.close()
  }
}

describe('parsing on the worker thread', () => {
  it('prints the same events as parsing in the main thread', () => {
    const onWorker = hush(['log', 'parse', logPath], '1')
    expect(onWorker.split('\n').filter(Boolean)).toHaveLength(exchanges)
    expect(onWorker).toBe(hush(['log', 'parse', logPath], '0'))
  }, 60_000)

  it('stores the same events, and a second import stores nothing new', () => {
    const a = join(dir, 'a')
    const b = join(dir, 'b')
    hush(['log', 'import', logPath, '--state-dir', a], '1')
    hush(['log', 'import', logPath, '--state-dir', b], '0')
    const rows = storedRows(a)
    expect(rows).toHaveLength(exchanges)
    expect(rows).toEqual(storedRows(b))
    const again = JSON.parse(hush(['log', 'import', logPath, '--state-dir', a, '--json'], '1')) as {
      inserted: number
    }
    expect(again).toMatchObject({ inserted: 0 })
    expect(storedRows(a)).toHaveLength(exchanges)
  }, 60_000)
})
