import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFiles } from '../import/import-files'
import { createSyntheticLog, headerAt } from '../testing/synthetic-log'
import { eventColumns, eventsJoined, pageEvents, toStoredEvent } from './event-queries'
import { applyRetention, countEvents, eventStats } from './event-stats'
import { blockIds } from './event-tally'
import { EventWriter } from './event-writer'
import { filterClause, type EventFilter } from './filter-clause'
import { openStore, type StoreDb } from './open-store'

let dir: string
let db: StoreDb
const exchanges = 3 * blockIds + 700
const start = Date.UTC(2025, 7, 4, 20)

/** A log of a few blocks of events, ten a minute over more than two days, with errors. */
async function writeLog(path: string): Promise<void> {
  const log = createSyntheticLog({ seed: 7, start, stepMs: 6_000, noise: 0, unansweredEvery: 9 })
  const parts: string[] = []
  for (let i = 0; i < exchanges; i++) {
    parts.push(log.next())
    if (i % 1_000 === 500) {
      const t = start + i * 6_000 + 3_000
      parts.push(
        `${headerAt(t, '0x9')}[HCl#f${i}] HTTP requesting GET https://plex.tv/api/v2/user?X-Plex-Token=xxxxxxxxxxxxxxxxxxxx\n`,
        `${headerAt(t + 100, '0x9')}[HttpClient/HCl#f${i}] HTTP error requesting GET https://plex.tv/api/v2/user?X-Plex-Token=xxxxxxxxxxxxxxxxxxxx (28, Timeout was reached)\n`,
      )
    }
  }
  await writeFile(path, parts.join(''))
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-tally-'))
  db = openStore(join(dir, 'outbound.sqlite'))
  await writeLog(join(dir, 'a.log'))
  await importFiles(db, new EventWriter(db), [join(dir, 'a.log')])
}, 60_000)
afterAll(async () => {
  db.close()
  await rm(dir, { recursive: true, force: true })
})

/** Every matching event, newest first, read one by one: what the tallies must agree with. */
function everyMatch(
  f: EventFilter,
): { id: number; time: string; category: string; host: string }[] {
  const { where, params } = filterClause(db, f)
  const sql = `SELECT ${eventColumns} FROM ${eventsJoined}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.id DESC`
  return db
    .prepare(sql)
    .all(...params)
    .map(r => toStoredEvent(r as Parameters<typeof toStoredEvent>[0]))
}

const filters: readonly EventFilter[] = [
  {},
  { since: '2025-08-05T07:13:20Z' },
  { since: '2025-08-05T01:00:00Z', until: '2025-08-06T03:20:10Z' },
  { category: 'metadata-matching' },
  { host: 'plex.tv', since: '2025-08-05T11:00:00Z' },
  { upstreamOnly: true, until: '2025-08-06' },
  { search: 'lyrics' },
  { search: 'timeout' },
  { search: 'timeout user', host: 'plex.tv', since: '2025-08-05' },
  { search: 'plex*', category: 'account', until: '2025-08-06T12:00:00Z' },
  { category: 'crash-reports' },
]

describe('counts, charts and pages from the tallies', () => {
  it('spans several blocks of ids', () => {
    expect(countEvents(db)).toBeGreaterThan(3 * blockIds)
  })

  it.each(filters)('count and stats agree with reading every event: %o', f => {
    const all = everyMatch(f)
    expect(countEvents(db, f)).toBe(all.length)
    const stats = eventStats(db, f)
    expect(stats.total).toBe(all.length)
    const byDay = new Map<string, number>()
    for (const e of all) {
      const key = `${e.time.slice(0, 10)} ${e.category}`
      byDay.set(key, (byDay.get(key) ?? 0) + 1)
    }
    expect(new Map(stats.byDay.map(d => [`${d.day} ${d.category}`, d.count]))).toEqual(byDay)
    const hosts = new Set(all.map(e => `${e.host} ${e.category}`))
    expect(new Set(stats.byHost.map(h => `${h.host} ${h.category}`))).toEqual(hosts)
  })

  it.each(filters)('every page, shallow or deep, below an anchor, is the same slice: %o', f => {
    const all = everyMatch(f)
    const anchor = (all[5]?.id ?? 0) + 1
    const below = all.filter(e => e.id < anchor)
    for (const offset of [0, 1, 150, 2_000, 4_500, 9_000, below.length - 30, below.length + 5]) {
      if (offset < 0) {
        continue
      }
      const page = pageEvents(db, { ...f, limit: 100, offset, before: anchor })
      expect(page.events.map(e => e.id)).toEqual(below.slice(offset, offset + 100).map(e => e.id))
    }
  })

  it('stay true after retention deletes the oldest events', async () => {
    const copy = openStore(join(dir, 'retained.sqlite'))
    try {
      await importFiles(copy, new EventWriter(copy), [join(dir, 'a.log')])
      const cutoff = Date.parse('2025-08-05T09:00:00Z')
      applyRetention(copy, 1, cutoff + 86_400_000)
      const f: EventFilter = { since: '2025-08-05T10:00:00Z', category: 'metadata-matching' }
      const { where, params } = filterClause(copy, f)
      const expected = copy
        .prepare(`SELECT COUNT(*) FROM ${eventsJoined} WHERE ${where.join(' AND ')}`)
        .pluck()
        .get(...params)
      expect(countEvents(copy, f)).toBe(expected)
      expect(countEvents(copy, { category: 'metadata-matching' })).toBe(
        copy
          .prepare(`SELECT COUNT(*) FROM ${eventsJoined} WHERE t.category = 'metadata-matching'`)
          .pluck()
          .get(),
      )
    } finally {
      copy.close()
    }
  })
})
