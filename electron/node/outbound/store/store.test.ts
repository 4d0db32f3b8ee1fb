import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { keyParts } from '../../../common/outbound/event-key'
import type { PrivacyLevel } from '../../../common/outbound/privacy-level'
import { importFiles } from '../import/import-files'
import { LogParser } from '../parse/log-parser'
import { field, recordWidth } from '../parse/parsed-piece'
import { TargetDefinitions } from '../parse/target-numbers'
import { createSyntheticLog } from '../testing/synthetic-log'
import { eventStats, applyRetention } from './event-stats'
import { iterateEvents, pageEvents } from './event-queries'
import { EventWriter } from './event-writer'
import { exportEvents } from './export-events'
import { migrations } from './migrations'
import { openStore, type StoreDb } from './open-store'
import { storedKeySql } from '../testing/stored-key'

let dir: string
let db: StoreDb

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-'))
  db = openStore(join(dir, 'outbound.sqlite'))
})
afterEach(async () => {
  db.close()
  await rm(dir, { recursive: true, force: true })
})

async function writeLog(
  name: string,
  exchanges: number,
  start = Date.UTC(2025, 7, 4, 20),
): Promise<string> {
  const log = createSyntheticLog({ seed: 7, start, stepMs: 60_000, noise: 2, unansweredEvery: 10 })
  let text = ''
  for (let i = 0; i < exchanges; i++) {
    text += log.next()
  }
  const path = join(dir, name)
  await writeFile(path, text)
  return path
}

describe('the outbound store', () => {
  it('is created in WAL mode with synchronous=NORMAL and a schema version', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(1)
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
  })

  it('imports once: a second import of the same file stores nothing new', async () => {
    const path = await writeLog('a.log', 300)
    const first = await importFiles(db, new EventWriter(db), [path])
    expect(first).toMatchObject({ inserted: 300, answered: 270, duplicates: 0 })
    const second = await importFiles(db, new EventWriter(db), [path])
    expect(second.inserted).toBe(0)
    expect(db.prepare('SELECT COUNT(*) FROM events WHERE status IS NULL').pluck().get()).toBe(30)
  })

  it('pages newest first by keyset, filtered by category, host, time and words', async () => {
    await importFiles(db, new EventWriter(db), [await writeLog('a.log', 500)])
    const all: number[] = []
    let before: number | undefined
    for (;;) {
      const page = pageEvents(db, { limit: 200, before })
      all.push(...page.events.map(e => e.id))
      if (page.nextBefore === null) {
        break
      }
      before = page.nextBefore
    }
    expect(all).toHaveLength(500)
    expect(new Set(all).size).toBe(500)
    expect(all).toEqual([...all].sort((a, b) => b - a))
    expect(pageEvents(db, { limit: 5, offset: 200 }).events.map(e => e.id)).toEqual(
      all.slice(200, 205),
    )

    const updates = pageEvents(db, { category: 'updates', limit: 1000 }).events
    expect(updates.length).toBeGreaterThan(0)
    expect(updates.every(e => e.category === 'updates' && e.host === 'plex.tv')).toBe(true)
    const local = pageEvents(db, { host: '127.0.0.1', limit: 1000 }).events
    expect(local.every(e => !e.upstream)).toBe(true)
    const since = pageEvents(db, {
      since: '2025-08-04T21:00:00Z',
      until: '2025-08-04T22:00:00Z',
      limit: 1000,
    }).events
    expect(since).toHaveLength(60)
    const found = pageEvents(db, { search: 'lyricfind', limit: 1000 }).events
    expect(found.length).toBeGreaterThan(0)
    expect(found.every(e => e.url.includes('lyricfind'))).toBe(true)
    const stats = eventStats(db, { search: 'lyricfind' })
    expect(stats.total).toBe(found.length)
  })

  it('counts by category, host and day, the same from the summary and from the events', async () => {
    await importFiles(db, new EventWriter(db), [await writeLog('a.log', 3000)])
    const summary = eventStats(db)
    const scanned = eventStats(db, { upstreamOnly: false, since: '2000-01-01' })
    expect(summary.total).toBe(3000)
    expect(scanned.byDay).toEqual(summary.byDay)
    expect(summary.byDay.map(d => d.day)).toEqual(
      expect.arrayContaining(['2025-08-04', '2025-08-05', '2025-08-06']),
    )
  })

  it('caps a flooding host per hour and counts what it drops', async () => {
    const path = join(dir, 'flood.log')
    const lines = Array.from(
      { length: 50 },
      (_, i) =>
        `Aug 04, 2025 20:00:${String(i).padStart(2, '0')}.000 [1] DEBUG - HTTP requesting GET https://analytics.plex.tv/e/${i}\n`,
    )
    await writeFile(path, lines.join(''))
    await importFiles(db, new EventWriter(db, { floodCap: 20 }), [path])
    const stats = eventStats(db)
    expect(stats.total).toBe(20)
    expect(stats.droppedEvents).toBe(30)
  })

  it('keeps only counts at privacy level 3', async () => {
    await importFiles(db, new EventWriter(db, { privacyLevel: 3 }), [await writeLog('a.log', 50)])
    const rows = db
      .prepare(
        `SELECT COUNT(*) FROM events e JOIN targets t ON t.id = e.target
         WHERE t.url = '' AND t.host = '' AND e.line = 0`,
      )
      .pluck()
      .get()
    expect(rows).toBe(50)
    expect(eventStats(db).total).toBe(50)
  })

  it('keeps what each privacy level keeps, also of an answer that comes in a later batch', () => {
    const request = `Aug 04, 2025 20:03:01.250 [0x1] DEBUG - [HCl#9] HTTP requesting GET https://plex.tv/api/v2/user?name=owner\n`
    const failure = `Aug 04, 2025 20:03:02.000 [0x2] WARN - [HttpClient/HCl#9] HTTP error requesting GET https://plex.tv/api/v2/user?name=owner (28, Timeout was reached)\n`
    const stored = [1, 2, 3].map(level => {
      const levelDb = openStore(join(dir, `level-${level}.sqlite`))
      const writer = new EventWriter(levelDb, { privacyLevel: level as PrivacyLevel })
      const parser = new LogParser({ file: 'Plex Media Server.log' })
      const targets = new TargetDefinitions()
      parser.feed(Buffer.from(request))
      writer.write([parser.take()], targets)
      parser.feed(Buffer.from(failure))
      const answer = parser.take()
      expect(Array.from(answer.records.filter((_, i) => i % recordWidth === field.kind))).toEqual([
        1,
      ])
      writer.write([answer], targets)
      const row = levelDb
        .prepare(
          `SELECT ${storedKeySql('e')} AS key, e.time, t.url, t.host, e.error, e.line FROM events e
           JOIN targets t ON t.id = e.target`,
        )
        .get() as Record<string, string | number | null>
      levelDb.close()
      return row
    })
    expect(stored.map(r => [r.url, r.host, r.error, r.line])).toEqual([
      ['https://plex.tv/api/v2/user', 'plex.tv', '(28, Timeout was reached)', 1],
      ['https://plex.tv', 'plex.tv', null, 1],
      ['', '', null, 0],
    ])
    // Counts only: the key's time prefix is the day's start, and the time is the day.
    expect(stored[2]?.time).toBe('2025-08-04')
    expect(keyParts(String(stored[2]?.key))?.wall).toBe(Date.UTC(2025, 7, 4))
    expect(keyParts(String(stored[0]?.key))?.wall).toBe(Date.UTC(2025, 7, 4, 20, 3, 1, 250))
  })

  it('deletes what is older than the retention and its counts', async () => {
    await importFiles(db, new EventWriter(db), [await writeLog('a.log', 2880)])
    // 2,880 minutes = two days from 2025-08-04T20:00Z; keep one day back from 2025-08-06T20:00Z.
    const removed = applyRetention(db, 1, Date.UTC(2025, 7, 6, 20))
    expect(removed).toBe(1440)
    expect(eventStats(db).total).toBe(1440)
    expect(eventStats(db, { since: '2000-01-01' }).total).toBe(1440)
  })

  it('writes nothing when nothing is older than the retention, and every count stays', async () => {
    await importFiles(db, new EventWriter(db), [await writeLog('a.log', 2880)])
    const before = eventStats(db, { since: '2000-01-01' })
    const changes = db.prepare('SELECT total_changes()').pluck()
    const written = changes.get() as number
    // The log starts 2025-08-04T20:00Z: a week back from 2025-08-07 keeps all of it.
    expect(applyRetention(db, 7, Date.UTC(2025, 7, 7))).toBe(0)
    expect(changes.get()).toBe(written)
    expect(eventStats(db, { since: '2000-01-01' })).toEqual(before)
    expect(eventStats(db).total).toBe(2880)
  })

  it('exports CSV, JSON and NDJSON of every event', async () => {
    await importFiles(db, new EventWriter(db), [await writeLog('a.log', 20)])
    for (const format of ['csv', 'json', 'ndjson'] as const) {
      let text = ''
      const n = exportEvents(iterateEvents(db, {}), format, t => (text += t))
      expect(n).toBe(20)
      if (format === 'json') {
        expect(JSON.parse(text)).toHaveLength(20)
      } else if (format === 'ndjson') {
        expect(
          text
            .trim()
            .split('\n')
            .map(l => JSON.parse(l) as unknown),
        ).toHaveLength(20)
      } else {
        expect(text.trim().split('\r\n')).toHaveLength(21)
      }
    }
  })
})
