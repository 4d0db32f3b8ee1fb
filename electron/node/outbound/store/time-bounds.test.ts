import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFiles } from '../import/import-files'
import { syntheticLogText } from '../testing/synthetic-log'
import { iterateEvents, pageEvents } from './event-queries'
import { applyRetention, countEvents } from './event-stats'
import { blockIds } from './event-tally'
import { EventWriter } from './event-writer'
import { openStore, type StoreDb } from './open-store'

let dir: string
let shared: StoreDb
const newer = Date.UTC(2025, 7, 10)
const older = Date.UTC(2025, 7, 1)
const perLog = 2 * blockIds + 300

/** A log of `perLog` exchanges, one every 30 s from `start`. */
async function writeLog(path: string, start: number, seed: number): Promise<void> {
  const options = { seed, start, stepMs: 30_000, noise: 0, unansweredEvery: 7 }
  await writeFile(path, syntheticLogText(options, perLog))
}

/**
 * A store that was given the newer log first and the older one after (a backlog imported once
 * the tail had run): the older events hold the higher ids.
 */
async function outOfOrderStore(name: string): Promise<StoreDb> {
  const db = openStore(join(dir, name))
  await importFiles(db, new EventWriter(db), [join(dir, 'newer.log')])
  await importFiles(db, new EventWriter(db), [join(dir, 'older.log')])
  return db
}

/** The ids of the events with `since <= ts < until`, read from every row, newest id first. */
function idsInTime(db: StoreDb, since: number, until: number): number[] {
  return db
    .prepare('SELECT id FROM events WHERE ts >= ? AND ts < ? ORDER BY id DESC')
    .pluck()
    .all(since, until) as number[]
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-time-'))
  await writeLog(join(dir, 'newer.log'), newer, 11)
  await writeLog(join(dir, 'older.log'), older, 12)
  shared = await outOfOrderStore('shared.sqlite')
}, 60_000)
afterAll(async () => {
  shared.close()
  await rm(dir, { recursive: true, force: true })
})

describe('a time bound, where ids do not follow time', () => {
  const iso = (ms: number): string => new Date(ms).toISOString()
  const windows = [
    { what: 'within the newer log', since: newer + 3_600_000, until: newer + 20 * 3_600_000 },
    { what: 'within the older log', since: older + 7_200_000, until: older + 30 * 3_600_000 },
    { what: 'across both', since: older + 40 * 3_600_000, until: newer + 3_600_000 },
    { what: 'between them, where nothing is', since: older + 5 * 86_400_000, until: newer - 1 },
  ]

  it.each(windows)('finds exactly the events in its time: $what', ({ since, until }) => {
    const expected = idsInTime(shared, since, until)
    const f = { since: iso(since), until: iso(until) }
    expect([...iterateEvents(shared, f)].map(e => e.id).reverse()).toEqual(expected)
    expect(pageEvents(shared, { ...f, limit: 100 }).events.map(e => e.id)).toEqual(
      expected.slice(0, 100),
    )
    expect(countEvents(shared, f)).toBe(expected.length)
  })

  it('the windows above hold events on both sides of the store', () => {
    const [w0, w1] = windows
    // The newer log's events are the lower ids: the store is out of time order.
    expect(Math.max(...idsInTime(shared, w0!.since, w0!.until))).toBeLessThan(
      Math.min(...idsInTime(shared, w1!.since, w1!.until)),
    )
    expect(idsInTime(shared, w1!.since, w1!.until).length).toBeGreaterThan(100)
  })

  it('retention deletes exactly the events older than its cutoff, though their ids are the highest', async () => {
    const db = await outOfOrderStore('retained.sqlite')
    try {
      const cutoff = newer - 86_400_000
      const old = db.prepare('SELECT COUNT(*) FROM events WHERE ts < ?').pluck().get(cutoff)
      const total = db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number
      expect(old).toBe(perLog)
      expect(applyRetention(db, 30, cutoff + 30 * 86_400_000)).toBe(old)
      expect(db.prepare('SELECT COUNT(*) FROM events WHERE ts < ?').pluck().get(cutoff)).toBe(0)
      expect(db.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(total - perLog)
      // The day counts (what an unfiltered count reads) lost the same events.
      expect(countEvents(db)).toBe(total - perLog)
      // Nothing older is left: a second pass deletes nothing.
      expect(applyRetention(db, 30, cutoff + 30 * 86_400_000)).toBe(0)
    } finally {
      db.close()
    }
  })
})
