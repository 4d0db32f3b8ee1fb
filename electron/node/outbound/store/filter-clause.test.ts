import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFiles } from '../import/import-files'
import { createSyntheticLog, headerAt } from '../testing/synthetic-log'
import { eventColumns, eventsJoined } from './event-queries'
import { EventWriter } from './event-writer'
import { filterClause, ftsQuery, type EventFilter } from './filter-clause'
import { openStore, type StoreDb } from './open-store'

let dir: string
let db: StoreDb

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-filter-'))
  db = openStore(join(dir, 'outbound.sqlite'))
  const start = Date.UTC(2025, 7, 4, 20)
  const log = createSyntheticLog({ seed: 11, start, stepMs: 30_000, noise: 0, unansweredEvery: 9 })
  let text = ''
  for (let i = 0; i < 2_000; i++) {
    text += log.next()
  }
  text += `${headerAt(start + 90_000_000, '0x9')}[HCl#ff1] HTTP requesting GET https://plex.tv/api/v2/user?X-Plex-Token=xxxxxxxxxxxxxxxxxxxx\n`
  text += `${headerAt(start + 90_000_100, '0x9')}[HttpClient/HCl#ff1] HTTP error requesting GET https://plex.tv/api/v2/user?X-Plex-Token=xxxxxxxxxxxxxxxxxxxx (28, Timeout was reached)\n`
  await writeFile(join(dir, 'a.log'), text)
  await importFiles(db, new EventWriter(db), [join(dir, 'a.log')])
})
afterAll(async () => {
  db.close()
  await rm(dir, { recursive: true, force: true })
})

function ids(f: EventFilter, limit: number): number[] {
  const { where, params } = filterClause(db, f, limit)
  const sql = `SELECT ${eventColumns} FROM ${eventsJoined}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.id DESC LIMIT 200`
  return (db.prepare(sql).all(...params) as { id: number }[]).map(r => r.id)
}

const filters: readonly EventFilter[] = [
  { category: 'metadata-matching' },
  { host: 'PLEX.TV' },
  { host: 'plex.tv', since: '2025-08-04T22:00', until: '2025-08-05' },
  { upstreamOnly: true, since: '2025-08-05' },
  { search: 'lyrics' },
  { search: 'timeout' },
  { search: 'timeout user', host: 'plex.tv' },
  { search: 'check*', category: 'updates' },
  { search: 'nothing-like-this' },
  { category: 'crash-reports' },
]

describe('choosing events by target', () => {
  it.each(filters)('finds the same page through the target index as by walking ids: %o', f => {
    const walked = ids(f, 0)
    expect(ids(f, Number.MAX_SAFE_INTEGER)).toEqual(walked)
  })

  it('plans a search through the target index exactly when its targets hold at most the limit', () => {
    for (const f of [{ search: 'lyrics' }, { search: 'plex', host: 'plex.tv' }]) {
      const fts = ftsQuery(f.search) as string
      const host = 'host' in f ? ` AND t.host = '${f.host}'` : ''
      const events = db
        .prepare(
          `SELECT SUM(t.events) FROM targets_fts JOIN targets t ON t.id = targets_fts.rowid
           WHERE targets_fts MATCH ?${host}`,
        )
        .pluck()
        .get(fts) as number
      expect(events).toBeGreaterThan(10)
      const throughIndex = (limit: number): boolean =>
        (filterClause(db, f, limit).where[0] as string).startsWith('e.id IN (SELECT id FROM')
      expect(throughIndex(events)).toBe(true)
      expect(throughIndex(events - 1)).toBe(false)
    }
  })

  it('finds what each filter asks for', () => {
    const count = (f: EventFilter): number => ids(f, 0).length
    expect(count({ search: 'timeout' })).toBe(1)
    expect(count({ search: 'timeout user', host: 'plex.tv' })).toBe(1)
    expect(count({ search: 'timeout', category: 'metadata-matching' })).toBe(0)
    expect(count({ search: 'nothing-like-this' })).toBe(0)
    expect(count({ category: 'crash-reports' })).toBe(0)
    const lyrics = db
      .prepare(`SELECT COUNT(*) FROM ${eventsJoined} WHERE t.url LIKE '%/lyrics/%'`)
      .pluck()
      .get() as number
    expect(lyrics).toBeGreaterThan(50)
    expect(count({ search: 'lyrics' })).toBe(Math.min(lyrics, 200))
  })

  it('splits words where the index does and keeps prefixes', () => {
    expect(ftsQuery('release_channels check*')).toBe('"release" "channels" "check"*')
    expect(ftsQuery('  ')).toBeNull()
  })
})
