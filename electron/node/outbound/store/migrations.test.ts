import Database from 'better-sqlite3'
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { keyTimeDigits } from '../../../common/outbound/event-key'
import type { OutboundEvent } from '../../../common/outbound/outbound-event'
import { importFiles } from '../import/import-files'
import { parseFiles } from '../parse/parse-file'
import { createSyntheticLog, headerAt } from '../testing/synthetic-log'
import { pageEvents } from './event-queries'
import { countEvents, eventStats } from './event-stats'
import { FlowWriter } from './flow-writer'
import { relayFlow } from '../testing/flows'
import { eventEpochMs } from '../parse/log-time'
import { EventWriter } from './event-writer'
import { migrations } from './migrations'
import { openStore, type StoreDb } from './open-store'
import { storedKeySql } from '../testing/stored-key'
import { toTextTimeRows, writeTextRowStore } from '../testing/text-time-rows'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-migrate-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A log with a banner (so times carry a zone), answered and unanswered requests, and errors. */
async function writeMixedLog(): Promise<string> {
  const start = Date.UTC(2025, 2, 9, 6)
  const synthetic = createSyntheticLog({
    seed: 3,
    start: start + 60_000,
    stepMs: 1_500,
    noise: 1,
    unansweredEvery: 7,
  })
  let text = `${headerAt(start, '0x1')}Plex Media Server v1.41.3.9314-a0bfb8370 - Debian PC x86_64 - build: linux-x86_64 debian - GMT 02:00\n`
  text += `${headerAt(start + 10, '0x2')}[HCl#a1] HTTP requesting GET https://plex.tv/api/v2/release_channels?X-Plex-Token=xxxxxxxxxxxxxxxxxxxx\n`
  text += `${headerAt(start + 20, '0x3')}[HttpClient/HCl#a1] HTTP error requesting GET https://plex.tv/api/v2/release_channels?X-Plex-Token=xxxxxxxxxxxxxxxxxxxx (6, Couldn't resolve host name) (Could not resolve host: plex.tv)\n`
  for (let i = 0; i < 120; i++) {
    text += synthetic.next()
  }
  const path = join(dir, 'Plex Media Server.log')
  await writeFile(path, text)
  return path
}

/**
 * A store of the schema's first `steps` steps (before the compact rows), filled with the mixed
 * log as that schema's writer stored it; both paths.
 */
async function writeStoreAtStep(steps: number): Promise<{ log: string; path: string }> {
  const log = await writeMixedLog()
  const path = join(dir, 'outbound.sqlite')
  await writeTextRowStore(path, steps, [log])
  return { log, path }
}

/** The same log in a store this schema started. */
async function freshStoreOf(log: string): Promise<StoreDb> {
  const fresh = openStore(join(dir, 'fresh.sqlite'))
  await importFiles(fresh, new EventWriter(fresh), [log])
  return fresh
}

/** A store as the first schema wrote it, filled with the events of a log. */
async function writeFirstSchemaStore(path: string, log: string): Promise<OutboundEvent[]> {
  const events: OutboundEvent[] = []
  await parseFiles([log], batch => events.push(...batch))
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.exec(migrations[0] as string)
  db.pragma('user_version = 1')
  const insert = db.prepare(
    `INSERT INTO events (key, ts, time, local_time, day, method, url, host, upstream, status,
      error, service, category, policy_item, file, line)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const fts = db.prepare('INSERT INTO events_fts (rowid, words) VALUES (?, ?)')
  db.transaction(() => {
    for (const e of events) {
      // The first schema's key was the line's hash alone.
      const info = insert.run(
        e.key.slice(keyTimeDigits),
        eventEpochMs(e),
        e.time,
        e.localTime ? 1 : 0,
        e.time.slice(0, 10),
        e.method,
        e.url,
        e.host,
        e.upstream ? 1 : 0,
        e.status,
        e.error,
        e.service,
        e.category,
        e.policyItem,
        e.source.file,
        e.source.line,
      )
      fts.run(info.lastInsertRowid, `${e.url} ${e.service}${e.error ? ` ${e.error}` : ''}`)
    }
    db.exec(`INSERT INTO daily_counts (day, category, host, count)
      SELECT day, category, host, COUNT(*) FROM events GROUP BY day, category, host`)
  })()
  db.close()
  return events
}

describe('moving a store to the targets schema', () => {
  it('keeps every event as it was, and the same log read again adds nothing', async () => {
    const log = await writeMixedLog()
    const path = join(dir, 'outbound.sqlite')
    const before = await writeFirstSchemaStore(path, log)
    expect(before.length).toBe(121)

    const db = openStore(path)
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
      const page = pageEvents(db, { limit: 1000 }).events.reverse()
      expect(page.map(({ id: _id, witness: _witness, ...e }) => e)).toEqual(
        before.map(({ key: _key, ...e }) => e),
      )
      expect(new Set(page.map(e => e.witness))).toEqual(new Set(['log']))
      // Keys now start with the wall-clock time: the same as a fresh parse gives.
      const keys = db.prepare(`SELECT ${storedKeySql()} FROM events ORDER BY id`).pluck().all()
      expect(keys).toEqual(before.map(e => e.key))
      const targets = new Set(before.map(e => `${e.method} ${e.url}`)).size
      expect(db.prepare('SELECT COUNT(*), SUM(events) FROM targets').raw().get()).toEqual([
        targets,
        121,
      ])

      const again = await importFiles(db, new EventWriter(db), [log])
      expect(again).toMatchObject({ inserted: 0, duplicates: 121 })
      expect(eventStats(db).total).toBe(121)
      expect(eventStats(db, { since: '2025-01-01' }).total).toBe(121)

      // Words of a URL and of an error are both found, together too.
      const error = pageEvents(db, { search: 'resolve release_channels', limit: 10 }).events
      expect(error.map(e => e.error)).toEqual([
        "(6, Couldn't resolve host name) (Could not resolve host: plex.tv)",
      ])
      expect(pageEvents(db, { search: 'lyrics', limit: 500 }).events.length).toBe(
        before.filter(e => e.url.includes('/lyrics/')).length,
      )
    } finally {
      db.close()
    }
  })
})

describe('moving a store to the tallies schema', () => {
  it('counts the tallies of a store the targets schema wrote, as the writer keeps them', async () => {
    const log = await writeMixedLog()
    const path = join(dir, 'outbound.sqlite')
    const tallies = (db: Database.Database) =>
      ['group_tally', 'target_tally', 'event_blocks'].map(table =>
        db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).raw().all(),
      )
    const fresh = openStore(path)
    await importFiles(fresh, new EventWriter(fresh), [log])
    const kept = tallies(fresh)
    // What the targets schema (step 2) wrote: the same rows, without the tallies.
    toTextTimeRows(fresh)
    fresh.exec(`DROP TABLE group_tally; DROP TABLE target_tally; DROP TABLE event_blocks;
      DROP TRIGGER events_flows_delete; DROP TABLE flows; DROP INDEX targets_source;
      ALTER TABLE targets DROP COLUMN source; DROP TABLE target_evidence; DROP TABLE store_meta;
      DROP INDEX events_errors; CREATE INDEX events_ts ON events(ts);
      ALTER TABLE events ADD COLUMN key TEXT GENERATED ALWAYS AS (${storedKeySql()}) VIRTUAL`)
    fresh.pragma('user_version = 2')
    fresh.close()

    const db = openStore(path)
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
      expect(tallies(db)).toEqual(kept)
      expect((kept[0] as unknown[]).length).toBeGreaterThan(0)
      expect(eventStats(db, { since: '2025-03-09T06:30:00Z' }).total).toBe(
        db
          .prepare('SELECT COUNT(*) FROM events WHERE ts >= ?')
          .pluck()
          .get(Date.parse('2025-03-09T06:30:00Z')),
      )
    } finally {
      db.close()
    }
  })
})

describe('moving a store to the witness schema', () => {
  it('keeps a tallies-schema store as it was, its events the log witness, and stores connections beside them', async () => {
    // What the tallies schema (step 3) wrote.
    const { log, path } = await writeStoreAtStep(3)
    const fresh = await freshStoreOf(log)
    const statsBefore = eventStats(fresh)
    const pageBefore = pageEvents(fresh, { limit: 1000 }).events
    fresh.close()

    const db = openStore(path)
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
      expect(eventStats(db)).toEqual(statsBefore)
      expect(statsBefore.byWitnessDay.every(d => d.witness === 'log')).toBe(true)
      expect(pageEvents(db, { limit: 1000 }).events).toEqual(pageBefore)
      expect(pageBefore.every(e => e.witness === 'log' && e.connection === undefined)).toBe(true)
      expect(countEvents(db, { witness: 'log' })).toBe(121)
      expect(countEvents(db, { witness: 'network' })).toBe(0)

      const writer = new FlowWriter(db)
      const flow = relayFlow(Date.parse('2025-03-09T07:00:00Z'))
      expect(
        writer.write({ opened: [{ flow, host: 'relay.plex.tv' }], updated: [], closed: [] }),
      ).toMatchObject({ inserted: 1 })
      expect(countEvents(db, { witness: 'network' })).toBe(1)
      expect(countEvents(db)).toBe(122)
      expect((await importFiles(db, new EventWriter(db), [log])).inserted).toBe(0)
      expect(countEvents(db)).toBe(122)
    } finally {
      db.close()
    }
  })
})

describe('moving a store to the errors index', () => {
  it('finds the events whose error has the words through an index of the errors alone, in a store written before it', async () => {
    // What the evidence-names schema (step 5) wrote.
    const { log, path } = await writeStoreAtStep(5)
    const fresh = await freshStoreOf(log)

    const db = openStore(path)
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
      const withError = db.prepare('SELECT COUNT(*) FROM events WHERE error IS NOT NULL').pluck()
      const indexed = db
        .prepare('SELECT COUNT(*) FROM events INDEXED BY events_errors WHERE error IS NOT NULL')
        .pluck()
      expect(indexed.get()).toBe(withError.get())
      expect(indexed.get()).toBeGreaterThan(0)
      // `resolve` is only in the error of the release_channels request, not in its URL.
      for (const filter of [{ search: 'resolve' }, { search: 'resolve', upstreamOnly: true }]) {
        expect(countEvents(db, filter)).toBe(1)
        expect(eventStats(db, filter)).toEqual(eventStats(fresh, filter))
      }
    } finally {
      db.close()
      fresh.close()
    }
  })
})

describe('dropping the text key', () => {
  it('keeps every event and its key, and the same log read again adds nothing', async () => {
    // What the errors-index schema (step 6) wrote, its key a virtual column.
    const { log, path } = await writeStoreAtStep(6)
    const old = new Database(path, { readonly: true })
    const keysBefore = old.prepare('SELECT key FROM events ORDER BY id').pluck().all()
    old.close()
    const fresh = await freshStoreOf(log)
    const pageBefore = pageEvents(fresh, { limit: 1000 }).events
    fresh.close()

    const db = openStore(path)
    try {
      const columns = db.prepare(`SELECT name FROM pragma_table_info('events')`).pluck().all()
      expect(columns).not.toContain('key')
      expect(db.prepare(`SELECT ${storedKeySql()} FROM events ORDER BY id`).pluck().all()).toEqual(
        keysBefore,
      )
      expect(pageEvents(db, { limit: 1000 }).events).toEqual(pageBefore)
      expect(keysBefore).toHaveLength(121)
      // The same lines under another name: no cursor to resume, every key already stored.
      const copy = join(dir, 'copy.log')
      await copyFile(log, copy)
      expect(await importFiles(db, new EventWriter(db), [copy])).toMatchObject({
        inserted: 0,
        duplicates: 121,
      })
    } finally {
      db.close()
    }
  })
})
