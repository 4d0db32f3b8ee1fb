import Database from 'better-sqlite3'
import { build } from 'esbuild'
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSyntheticLog } from '../testing/synthetic-log'
import { storedKeySql } from '../testing/stored-key'

const root = process.cwd()
// A private bundle of the CLI, so the test does not race a concurrent `npm run build`.
const bundle = join(root, 'node_modules', '.cache', 'hush-tests', 'hush-import-kill.mjs')
const exchanges = 120_000
const unansweredEvery = 25

let dir: string
let logPath: string

beforeAll(async () => {
  await build({
    absWorkingDir: root,
    entryPoints: ['electron/cli/main.ts'],
    outfile: bundle,
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
  const out = createWriteStream(logPath)
  const log = createSyntheticLog({
    seed: 3,
    start: Date.UTC(2025, 0, 1),
    stepMs: 250,
    noise: 2,
    unansweredEvery,
  })
  for (let i = 0; i < exchanges; i++) {
    if (!out.write(log.next())) {
      await new Promise<void>(done => out.once('drain', () => done()))
    }
  }
  await new Promise<void>(done => out.end(() => done()))
}, 60_000)

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

function runImport(state: string): ChildProcess {
  return spawn(process.execPath, [bundle, 'log', 'import', logPath, '--state-dir', state], {
    stdio: 'ignore',
  })
}

function storedCount(state: string): number {
  const path = join(state, 'outbound.sqlite')
  if (!existsSync(path)) {
    return 0
  }
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true })
    try {
      return db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number
    } finally {
      db.close()
    }
  } catch {
    return 0
  }
}

describe('an import killed mid-way', () => {
  it('continues on the next run and ends with every exchange exactly once', async () => {
    const state = join(dir, 'state')
    const child = runImport(state)
    const exited = new Promise<void>(done => child.once('exit', () => done()))
    let seen = 0
    while (seen === 0) {
      await new Promise(done => setTimeout(done, 10))
      seen = storedCount(state)
    }
    child.kill('SIGKILL')
    await exited
    const partial = storedCount(state)
    expect(partial).toBeGreaterThan(0)
    expect(partial).toBeLessThan(exchanges)

    const again = runImport(state)
    const code = await new Promise<number | null>(done => again.once('exit', c => done(c)))
    expect(code).toBe(0)

    const db = new Database(join(state, 'outbound.sqlite'), { readonly: true })
    try {
      const row = db
        .prepare(
          `SELECT COUNT(*) AS n, COUNT(DISTINCT ${storedKeySql()}) AS keys, SUM(status IS NULL) AS open FROM events`,
        )
        .get() as { n: number; keys: number; open: number }
      expect(row).toEqual({ n: exchanges, keys: exchanges, open: exchanges / unansweredEvery })
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      db.close()
    }
  }, 120_000)
})
