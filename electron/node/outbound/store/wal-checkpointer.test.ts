import { build } from 'esbuild'
import { statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openStore, storePath, type StoreDb } from './open-store'
import { WalCheckpointer } from './wal-checkpointer'

const root = process.cwd()
// The thread's entry bundled as `npm run build` lays it out in dist/.
const outdir = join(root, 'node_modules', '.cache', 'hush-tests', 'checkpoint-worker')
const workerFile = pathToFileURL(join(outdir, 'checkpoint-worker.mjs'))
const pageBytes = 4096

let dir: string

beforeAll(async () => {
  await build({
    absWorkingDir: root,
    entryPoints: [
      { in: 'electron/node/outbound/store/checkpoint-worker.ts', out: 'checkpoint-worker' },
    ],
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  })
  dir = await mkdtemp(join(tmpdir(), 'hush-'))
}, 60_000)

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A store of its own with a table for bulky rows: each row fills a page of the log. */
function scratchStore(name: string): { db: StoreDb; path: string } {
  const path = storePath(join(dir, name))
  const db = openStore(path)
  db.exec('CREATE TABLE bulk (b BLOB NOT NULL)')
  return { db, path }
}

/** Commits `transactions` writes of `pages` pages each, telling the checkpointer after each. */
function writeAndNudge(
  db: StoreDb,
  checkpoints: WalCheckpointer | null,
  transactions: number,
  pages: number,
): void {
  const insert = db.prepare('INSERT INTO bulk (b) VALUES (randomblob(?))')
  const write = db.transaction(() => {
    for (let i = 0; i < pages; i++) {
      insert.run(pageBytes - 100)
    }
  })
  for (let t = 0; t < transactions; t++) {
    write()
    checkpoints?.nudge()
  }
}

describe('the checkpoint thread', () => {
  it('copies what the writer commits into the database file, and hands checkpoints back when stopped', async () => {
    const { db, path } = scratchStore('copies')
    const before = statSync(path).size
    const checkpoints = WalCheckpointer.start(db, { workerFile })
    expect(checkpoints).not.toBeNull()
    // Held back while the thread copies (below this, the writer would not checkpoint at all).
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(16_000)
    writeAndNudge(db, checkpoints, 6, 500)
    await checkpoints?.stop()
    expect(checkpoints?.fellBack).toBe(false)
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(4000)
    // 3,000 pages committed: most are in the database file, not only in the log.
    expect(statSync(path).size - before).toBeGreaterThan(2000 * pageBytes)
    expect(db.prepare('SELECT COUNT(*) FROM bulk').pluck().get()).toBe(3000)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  }, 60_000)

  it('leaves the pages in the log when nobody checkpoints (what the test above tells apart)', () => {
    const { db, path } = scratchStore('held')
    const before = statSync(path).size
    db.pragma('wal_autocheckpoint = 16000')
    writeAndNudge(db, null, 6, 500)
    expect(statSync(path).size - before).toBeLessThan(100 * pageBytes)
    db.close()
  })

  it('falls back to the writer checkpointing on its own when the thread cannot open the store', async () => {
    const { db } = scratchStore('fails')
    const checkpoints = WalCheckpointer.start(db, {
      workerFile,
      nativeBinding: join(dir, 'no-such-module.node'),
    })
    writeAndNudge(db, checkpoints, 2, 10)
    // At once, not only when the import ends: the log stays bounded meanwhile.
    await vi.waitFor(() => expect(checkpoints?.fellBack).toBe(true))
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(4000)
    writeAndNudge(db, checkpoints, 1, 10)
    await checkpoints?.stop()
    expect(db.prepare('SELECT COUNT(*) FROM bulk').pluck().get()).toBe(30)
    db.close()
  }, 60_000)

  it('is not started where its bundle is not built', () => {
    const { db } = scratchStore('unbuilt')
    expect(WalCheckpointer.start(db)).toBeNull()
    expect(WalCheckpointer.start(db, { workerFile: null })).toBeNull()
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(4000)
    db.close()
  })
})
