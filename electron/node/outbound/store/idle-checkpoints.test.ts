import { statSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importBatchBytes, importFiles } from '../import/import-files'
import { createSyntheticLog } from '../testing/synthetic-log'
import { EventWriter } from './event-writer'
import { IdleCheckpoints } from './idle-checkpoints'
import { openStore, storePath, type StoreDb } from './open-store'

const pageBytes = 4096
const exchanges = 8_000
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-checkpoints-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A store of its own, with a table for bulky rows, whose checkpoints are counted. */
function countedStore(name: string): { db: StoreDb; path: string; checkpoints: () => number } {
  const path = storePath(join(dir, name))
  const db = openStore(path)
  db.exec('CREATE TABLE bulk (b BLOB NOT NULL)')
  let count = 0
  const pragma = db.pragma.bind(db)
  db.pragma = (source: string, options?: { simple?: boolean }) => {
    if (source.startsWith('wal_checkpoint')) {
      count++
    }
    return pragma(source, options)
  }
  return { db, path, checkpoints: () => count }
}

/** Commits a write of `pages` pages of the log, then tells `idle`. */
function commit(db: StoreDb, idle: IdleCheckpoints, pages: number): void {
  const insert = db.prepare('INSERT INTO bulk (b) VALUES (randomblob(?))')
  db.transaction(() => {
    for (let i = 0; i < pages; i++) {
      insert.run(pageBytes - 100)
    }
  })()
  idle.committed()
}

/** Lets the writer wait: what was scheduled for it runs. */
const waiting = () => new Promise<void>(resolve => setImmediate(resolve))

describe('checkpoints while the writer waits', () => {
  it('copy the log into the database file once the writer waits, not inside its commits', async () => {
    const { db, path, checkpoints } = countedStore('waits.sqlite')
    const before = statSync(path).size
    const idle = new IdleCheckpoints(db)
    // Held back while the writer is busy: 3,000 pages stay in the log.
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(16_000)
    for (let i = 0; i < 6; i++) {
      commit(db, idle, 500)
    }
    expect(statSync(path).size - before).toBeLessThan(100 * pageBytes)
    await waiting()
    // One copy for the six commits written back to back, and it holds them.
    expect(checkpoints()).toBe(1)
    expect(statSync(path).size - before).toBeGreaterThan(2900 * pageBytes)
    commit(db, idle, 10)
    await waiting()
    expect(checkpoints()).toBe(2)
    idle.stop()
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(4000)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })

  it('stop: the writer checkpoints on its own again, and a wait after it copies nothing', async () => {
    const { db, checkpoints } = countedStore('stopped.sqlite')
    const idle = new IdleCheckpoints(db)
    commit(db, idle, 10)
    idle.stop()
    await waiting()
    expect(checkpoints()).toBe(0)
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(4000)
    db.close()
  })

  it('of two imports that overlap leave the writer its own checkpoints, whichever ends first', () => {
    const { db } = countedStore('overlap.sqlite')
    const first = new IdleCheckpoints(db)
    const second = new IdleCheckpoints(db)
    first.stop()
    second.stop()
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(4000)
    db.close()
  })

  it('run between the batches of an import that asks for them, which stores what one without them does', async () => {
    const log = join(dir, 'a.log')
    const lines = createSyntheticLog({
      seed: 4,
      start: Date.UTC(2025, 2, 1),
      stepMs: 1_000,
      noise: 6,
      unansweredEvery: 11,
    })
    // Over 8 MiB: three batches (importBatchBytes), with a read to wait for between them.
    await writeFile(log, Array.from({ length: exchanges }, () => lines.next()).join(''))
    expect(statSync(log).size).toBeGreaterThan(2 * importBatchBytes)
    const rows = (db: StoreDb) =>
      db
        .prepare('SELECT wall, h1, h2, ts, target, status, line FROM events ORDER BY id')
        .raw()
        .all()
    const a = countedStore('with.sqlite')
    const b = countedStore('without.sqlite')
    await importFiles(a.db, new EventWriter(a.db), [log], { idleCheckpoints: true })
    await importFiles(b.db, new EventWriter(b.db), [log], { idleCheckpoints: false })
    expect(a.checkpoints()).toBeGreaterThan(0)
    expect(b.checkpoints()).toBe(0)
    expect(a.db.pragma('wal_autocheckpoint', { simple: true })).toBe(4000)
    expect(rows(a.db)).toHaveLength(exchanges)
    expect(rows(a.db)).toEqual(rows(b.db))
    a.db.close()
    b.db.close()
  })
})
