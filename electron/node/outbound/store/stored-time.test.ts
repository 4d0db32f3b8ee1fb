import Database from 'better-sqlite3'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OutboundEvent } from '../../../common/outbound/outbound-event'
import { importFiles } from '../import/import-files'
import { LogParser } from '../parse/log-parser'
import { parseFiles } from '../parse/parse-file'
import { TargetDefinitions } from '../parse/target-numbers'
import { writeTextRowStore } from '../testing/text-time-rows'
import { pageEvents, type StoredEvent } from './event-queries'
import { eventStats } from './event-stats'
import { EventWriter } from './event-writer'
import { migrations } from './migrations'
import { openStore } from './open-store'
import { timeForm } from './stored-time'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-time-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const request = (stamp: string, n: number) =>
  `${stamp} [0x${n}] DEBUG - [HCl#${n}] HTTP requesting GET https://plex.tv/api/v2/ping?n=${n}\n`
const banner = (stamp: string, zone: string) =>
  `${stamp} [0x1] INFO - Plex Media Server v1.41.3.9314-a0bfb8370 - Debian PC x86_64 - build: linux-x86_64 debian - GMT ${zone}\n`

/** Every form a line's time takes: with and without a zone and milliseconds, odd ones too. */
const lines = [
  request('Aug 04, 2025 20:03:01.250', 1), // no banner yet: the server's wall clock
  request('Aug 04, 2025 20:03:02', 2),
  banner('Aug 04, 2025 20:04:00.000', '02:00'),
  request('Aug 04, 2025 20:05:00.000', 3),
  request('Aug 04, 2025 20:05:01', 4),
  request('Feb 29, 2024 23:59:59.999', 5),
  banner('Dec 31, 2025 23:00:00.000', '-03:30'),
  request('Dec 31, 2025 23:59:59.999', 6),
  request('Jan 01, 2026 00:00:00.001', 7),
  banner('Jan 01, 2026 00:01:00.000', '05:45'),
  request('Jan 01, 2026 00:02:00.007', 8),
  request('Feb 30, 2025 10:00:00.000', 9), // no real calendar day
  request('Dec 31, 1969 23:59:59.500', 10), // before 1970
  banner('Jan 01, 2026 00:03:00.000', '00:00'),
  request('Jan 01, 2026 00:04:00.000', 11),
].join('')

/** What a reader sees of an event's time and source, in line order. */
function times(events: readonly (OutboundEvent | StoredEvent)[]): unknown[] {
  return events
    .map(e => [e.source.line, e.time, e.localTime, e.source.file])
    .sort((a, b) => (a[0] as number) - (b[0] as number))
}

async function parsed(path: string): Promise<OutboundEvent[]> {
  const events: OutboundEvent[] = []
  await parseFiles([path], batch => events.push(...batch))
  return events
}

describe('storing an event time as integers and its file by id', () => {
  it('reads every time back as the parser wrote it, and keeps text only for the odd ones', async () => {
    const log = join(dir, 'Plex Media Server.log')
    await writeFile(log, lines)
    const expected = await parsed(log)
    expect(expected).toHaveLength(11)
    const db = openStore(join(dir, 'state', 'outbound.sqlite'))
    try {
      await importFiles(db, new EventWriter(db), [log])
      const stored = pageEvents(db, { limit: 100 }).events
      expect(times(stored)).toEqual(times(expected))
      expect(times(stored).map(t => (t as unknown[])[1])).toContain('2025-12-31T23:59:59.999-03:30')
      const rows = db
        .prepare('SELECT line, time_form, time, file, file_id FROM events ORDER BY line')
        .raw()
        .all() as [number, number, string, string, number][]
      const textLines = rows.filter(r => r[1] === timeForm.text).map(r => r[0])
      expect(textLines).toEqual([12, 13])
      expect(rows.filter(r => r[1] !== timeForm.text).every(r => r[2] === '')).toBe(true)
      expect(rows.every(r => r[3] === '' && r[4] === rows[0]?.[4])).toBe(true)
      expect(db.prepare('SELECT name FROM log_files').pluck().all()).toEqual([
        'Plex Media Server.log',
      ])
      // The chart's days are the server's calendar days, derived or read from the text.
      const days = eventStats(db).byDay.map(d => d.day)
      expect(days).toEqual([...new Set(expected.map(e => e.time.slice(0, 10)))].sort())
      // A time bound cuts the events' block: their days are read from the rows themselves.
      expect(eventStats(db, { since: '2000-01-01' }).byDay).toEqual(
        eventStats(db).byDay.filter(d => d.day >= '2000'),
      )
    } finally {
      db.close()
    }
  })

  it('moves a store whose rows hold text, reads them as before, and stores new rows compactly beside them', async () => {
    const first = join(dir, 'Plex Media Server.1.log')
    const second = join(dir, 'Plex Media Server.log')
    await writeFile(first, lines)
    await writeFile(second, lines.replaceAll('ping?n=', 'pong?n='))
    const path = join(dir, 'state', 'outbound.sqlite')
    const fresh = openStore(join(dir, 'fresh', 'outbound.sqlite'))
    await importFiles(fresh, new EventWriter(fresh), [first])
    await importFiles(fresh, new EventWriter(fresh), [second])
    const all = pageEvents(fresh, { limit: 100 }).events
    const stats = eventStats(fresh)
    fresh.close()

    // What the schema before compact rows (step 7) wrote, from the first log.
    await mkdir(join(dir, 'state'))
    await writeTextRowStore(path, 7, [first])
    const old = new Database(path, { readonly: true })
    expect(old.prepare(`SELECT COUNT(*) FROM events WHERE time = ''`).pluck().get()).toBe(0)
    old.close()

    const db = openStore(path)
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
      await importFiles(db, new EventWriter(db), [second])
      expect(pageEvents(db, { limit: 100 }).events).toEqual(all)
      expect(eventStats(db)).toEqual(stats)
      const forms = db
        .prepare('SELECT time_form = 0, COUNT(*) FROM events GROUP BY 1 ORDER BY 1')
        .raw()
        .all()
      // The old rows keep their text; the new ones hold it only for the two odd times.
      expect(forms).toEqual([
        [0, 9],
        [1, 11 + 2],
      ])
    } finally {
      db.close()
    }
  })

  it('forgets the file names of a write that was rolled back, and names them again in the next', () => {
    const db = openStore(join(dir, 'state', 'outbound.sqlite'))
    try {
      const writer = new EventWriter(db)
      const parser = new LogParser({ file: 'Plex Media Server.log' })
      const targets = new TargetDefinitions()
      parser.feed(Buffer.from(lines))
      const piece = parser.take()
      // The cursor is written last: the whole write, its new file name included, is undone.
      db.exec(`CREATE TEMP TRIGGER full BEFORE INSERT ON cursors BEGIN
        SELECT RAISE(ABORT, 'database or disk is full'); END`)
      expect(() => writer.write([piece], targets, { cursor: { name: 'log', state: 1 } })).toThrow(
        'disk is full',
      )
      expect(db.prepare('SELECT COUNT(*) FROM log_files').pluck().get()).toBe(0)
      db.exec('DROP TRIGGER full')
      expect(writer.write([piece], targets).inserted).toBe(11)
      const files = pageEvents(db, { limit: 100 }).events.map(e => e.source.file)
      expect(files).toEqual(new Array(11).fill('Plex Media Server.log'))
    } finally {
      db.close()
    }
  })

  it('keeps only the day and no file when the privacy level keeps counts only', async () => {
    const log = join(dir, 'Plex Media Server.log')
    await writeFile(log, lines)
    const db = openStore(join(dir, 'state', 'outbound.sqlite'))
    try {
      await importFiles(db, new EventWriter(db, { privacyLevel: 3 }), [log])
      const stored = pageEvents(db, { limit: 100 }).events
      expect(stored.map(e => e.time).sort()).toEqual(
        (await parsed(log)).map(e => e.time.slice(0, 10)).sort(),
      )
      expect(stored.every(e => e.source.file === '' && e.source.line === 0)).toBe(true)
      expect(db.prepare('SELECT COUNT(*) FROM log_files').pluck().get()).toBe(0)
    } finally {
      db.close()
    }
  })
})
