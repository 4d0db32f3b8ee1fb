import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importFiles } from '../import/import-files'
import { createSyntheticLog, headerAt } from '../testing/synthetic-log'
import { EventInserts } from './event-inserts'
import { EventWriter } from './event-writer'
import { openStore, type StoreDb } from './open-store'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** The values of an event row (in `EventInserts.add`'s order) with key `wall, h1, h2`. */
function row(wall: number, h1: number, h2 = 0): unknown[] {
  return [wall, h1, h2, wall, new Date(wall).toISOString(), 0, 1, 200, null, 'a.log', 1, 0, null]
}

describe('storing event rows several to an INSERT', () => {
  it('hands each new row its id and each repeated key to the duplicates', () => {
    const db = openStore(join(dir, 'outbound.sqlite'))
    try {
      db.prepare(
        `INSERT INTO targets (method, url, host, upstream, service, category, policy_item)
         VALUES ('GET', 'https://plex.tv', 'plex.tv', 1, 'plex.tv', 'account', NULL)`,
      ).run()
      const stored: [string, number][] = []
      const duplicates: string[] = []
      const inserts = new EventInserts<string>(
        db,
        (name, id) => stored.push([name, id]),
        name => duplicates.push(name),
        4,
      )
      inserts.add(row(1000, 1), 'a')
      inserts.add(row(1000, 2), 'b')
      inserts.add(row(1000, 3), 'c')
      expect(inserts.pending).toBe(3)
      inserts.add(row(1000, 4), 'd')
      // Four rows make an INSERT: all new, their ids follow one another.
      expect(stored).toEqual([
        ['a', 1],
        ['b', 2],
        ['c', 3],
        ['d', 4],
      ])
      // A key stored before, a key twice in the same INSERT, and two new rows.
      inserts.add(row(1000, 2), 'b again')
      inserts.add(row(2000, 1), 'e')
      inserts.add(row(2000, 1), 'e again')
      inserts.add(row(2000, 2), 'f')
      expect(stored.slice(4)).toEqual([
        ['e', 5],
        ['f', 6],
      ])
      expect(duplicates).toEqual(['b again', 'e again'])
      // What is left at a flush goes in a shorter INSERT.
      inserts.add(row(3000, 1), 'g')
      inserts.add(row(1000, 1), 'a again')
      inserts.flush()
      expect(stored.slice(6)).toEqual([['g', 7]])
      expect(duplicates.slice(2)).toEqual(['a again'])
      expect(inserts.pending).toBe(0)
      expect(db.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(7)
    } finally {
      db.close()
    }
  })

  it('stores what storing one row at a time stores: duplicates, errors, the flood cap and every count', async () => {
    // Two files that overlap: the second repeats half of the first, some lines twice in a row,
    // and both flood one host past the cap while the repeated rows wait for their INSERT.
    const log = createSyntheticLog({
      seed: 11,
      start: Date.UTC(2025, 7, 4, 20),
      stepMs: 20_000,
      noise: 1,
      unansweredEvery: 7,
    })
    const exchanges = Array.from({ length: 400 }, () => log.next())
    exchanges.forEach((text, i) => {
      if (i % 9 === 4) {
        const t = Date.UTC(2025, 7, 4, 20) + i * 20_000 + 500
        exchanges[i] =
          `${text}${headerAt(t, '0x2', 'WARN')}HTTP error requesting GET https://plex.tv/api/v2/user?n=${i} (28, Timeout was reached)\n`
      }
    })
    const first = join(dir, 'first.log')
    const second = join(dir, 'second.log')
    await writeFile(first, exchanges.slice(0, 250).join(''))
    // A host that floods a later hour, each line twice: the cap is reached while repeated rows
    // wait for their INSERT.
    const flood = Array.from({ length: 100 }, (_, i) => {
      const line = `${headerAt(Date.UTC(2025, 7, 5, 3, 0, i), '0x3')}HTTP requesting GET https://analytics.plex.tv/e/${i}\n`
      return line + line
    })
    await writeFile(
      second,
      exchanges
        .slice(120)
        .map((text, i) => (i % 5 === 0 ? text + text : text))
        .concat(flood)
        .join(''),
    )
    const storeWith = async (rowsPerInsert: number) => {
      const db = openStore(join(dir, `rows-${rowsPerInsert}.sqlite`))
      const writer = new EventWriter(db, { floodCap: 60, rowsPerInsert })
      const results = [
        await importFiles(db, writer, [first]),
        await importFiles(db, writer, [second]),
      ]
      return { db, results }
    }
    const one = await storeWith(1)
    const many = await storeWith(16)
    try {
      expect(many.results).toEqual(one.results)
      const [, again] = one.results
      expect(again?.duplicates).toBeGreaterThan(100)
      expect(again?.dropped).toBeGreaterThan(40)
      const analytics = `SELECT COUNT(*) FROM events e JOIN targets t ON t.id = e.target
        WHERE t.host = 'analytics.plex.tv' AND e.ts >= ${Date.UTC(2025, 7, 5, 3)}`
      expect(one.db.prepare(analytics).pluck().get()).toBe(60)
      for (const table of [
        'events',
        'targets',
        'group_tally',
        'target_tally',
        'event_blocks',
        'daily_counts',
        'flood',
        'counters',
      ]) {
        const all = (db: StoreDb) =>
          db
            .prepare(`SELECT * FROM ${table}`)
            .all()
            .map(r => JSON.stringify(r))
            .sort()
        expect(all(many.db), table).toEqual(all(one.db))
      }
      const errors = (db: StoreDb) =>
        db.prepare(`SELECT rowid FROM errors_fts('timeout') ORDER BY rowid`).pluck().all()
      expect(errors(many.db)).toEqual(errors(one.db))
      expect(errors(one.db).length).toBeGreaterThan(10)
    } finally {
      one.db.close()
      many.db.close()
    }
  })
})
