import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importFiles } from '../import/import-files'
import { createSyntheticLog, headerAt } from '../testing/synthetic-log'
import { evidenceNameOf, targetNames } from './evidence-names'
import { evidenceSummary } from './evidence-summary'
import { EventWriter } from './event-writer'
import { openStore, type StoreDb } from './open-store'

let dir = ''
const open: StoreDb[] = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-evidence-'))
})
afterEach(async () => {
  open.splice(0).forEach(db => db.close())
  await rm(dir, { recursive: true, force: true })
})

/** The store as another process opens it: a connection of its own, nothing remembered. */
function process_(): StoreDb {
  const db = openStore(join(dir, 'outbound.sqlite'))
  open.push(db)
  return db
}

async function importLog(db: StoreDb, seed: number, lines: number): Promise<void> {
  const start = Date.UTC(2025, 2, 9, 6) + seed * 3_600_000
  const synthetic = createSyntheticLog({
    seed,
    start: start + 60_000,
    stepMs: 1_500,
    noise: 1,
    unansweredEvery: 7,
  })
  let text = `${headerAt(start, '0x1')}Plex Media Server v1.41.3.9314-a0bfb8370 - Debian PC x86_64 - build: linux-x86_64 debian - GMT 00:00\n`
  for (let i = 0; i < lines; i++) {
    text += synthetic.next()
  }
  const path = join(dir, `Plex Media Server.${seed}.log`)
  await writeFile(path, text)
  await importFiles(db, new EventWriter(db), [path])
}

const stored = (db: StoreDb) =>
  db.prepare('SELECT COUNT(*) FROM target_evidence').pluck().get() as number
const targets = (db: StoreDb) => db.prepare('SELECT COUNT(*) FROM targets').pluck().get() as number

describe('the names of the evidence, stored for every process', () => {
  it('names each target once, and a later process reads the names instead of naming again', async () => {
    const first = process_()
    await importLog(first, 1, 400)
    const summary = evidenceSummary(first)
    expect(summary.switches.length + summary.background.length).toBeGreaterThan(1)
    expect(stored(first)).toBe(targets(first))
    // The counts are those of each target named on its own.
    const expected = new Map<string, number>()
    const rows = first.prepare('SELECT method, url, events FROM targets').raw().all()
    for (const [method, url, events] of rows as [string, string, number][]) {
      const name = evidenceNameOf(method, url)
      const keys = name.startsWith('s:') ? name.slice(2).split(',') : name ? [name] : []
      keys.forEach(key => expected.set(key, (expected.get(key) ?? 0) + events))
    }
    const counted = new Map([
      ...summary.switches.map(s => [s.switchId, s.count] as const),
      ...summary.background.map(f => [`f:${f.flowId}`, f.count] as const),
    ])
    expect(counted).toEqual(new Map([...expected].filter(([, n]) => n > 0)))

    // Another process gets the same summary from the stored names, and only from them: a name
    // changed in the store is what it believes.
    expect(evidenceSummary(process_())).toEqual(summary)
    const later = process_()
    later.exec(`UPDATE target_evidence SET names = 's:relay'`)
    expect(evidenceSummary(later).switches.map(s => s.switchId)).toEqual(['relay'])
  })

  it('names each target as an import adds it, so a later summary has nothing left to name', async () => {
    const importer = process_()
    await importLog(importer, 1, 400)
    expect(stored(importer)).toBe(targets(importer))
    const max = importer.prepare('SELECT MAX(id) FROM targets').pluck().get() as number
    const names = targetNames(process_())
    expect(names.storedThrough).toBe(max)
    expect(names.unstored.size).toBe(0)
    // The names stored by the import are the ones a summary would have given.
    const rows = importer
      .prepare('SELECT method, url, names FROM targets JOIN target_evidence ON target = id')
      .raw()
      .all() as [string, string, string][]
    expect(rows.filter(([method, url, name]) => evidenceNameOf(method, url) !== name)).toEqual([])
  })

  it('has the next import name the targets of a store named by other signatures, leaving no gap', async () => {
    const first = process_()
    await importLog(first, 1, 300)
    first.exec('DELETE FROM target_evidence')
    first.exec(
      `UPDATE store_meta SET value = 'other signatures' WHERE name = 'evidence-signatures'`,
    )
    await importLog(process_(), 2, 300)
    const after = process_()
    expect(stored(after)).toBe(targets(after))
    expect(evidenceSummary(after)).toEqual(evidenceSummary(first))
  })

  it('follows the newest event of each group as events are added', async () => {
    const first = process_()
    await importLog(first, 1, 200)
    evidenceSummary(first)
    await importLog(first, 2, 200)
    const followed = evidenceSummary(first)
    expect(followed).toEqual(evidenceSummary(process_()))
    expect(followed.switches.some(s => (s.latest?.time ?? '') >= '2025-03-09T08')).toBe(true)
  })

  it('names again every target a Hush with other signatures named', async () => {
    const first = process_()
    await importLog(first, 1, 400)
    const summary = evidenceSummary(first)
    first.exec(`UPDATE target_evidence SET names = 's:relay'`)
    first.exec(
      `UPDATE store_meta SET value = 'other signatures' WHERE name = 'evidence-signatures'`,
    )
    expect(evidenceSummary(process_())).toEqual(summary)
    expect(
      process_().prepare('SELECT DISTINCT names FROM target_evidence').pluck().all(),
    ).not.toEqual(['s:relay'])
  })

  it('does not wait for an import holding the store, and leaves no gap in what it stores', async () => {
    const first = process_()
    await importLog(first, 1, 200)
    evidenceSummary(first)
    const before = stored(first)
    const importer = process_()
    await importLog(importer, 2, 200)
    // As an import by a Hush that did not name what it added left it.
    importer.prepare('DELETE FROM target_evidence WHERE target > ?').run(before)
    expect(targets(first)).toBeGreaterThan(before)

    importer.exec('BEGIN IMMEDIATE')
    const busy = process_()
    // A call that waited for the lock would wait ten minutes here, past the test's timeout.
    busy.pragma('busy_timeout = 600000')
    const whileBusy = evidenceSummary(busy)
    expect(busy.pragma('busy_timeout', { simple: true })).toBe(600000)
    expect(stored(busy)).toBe(before)
    importer.exec('ROLLBACK')

    // Once the lock is gone, a later process stores the rest, with the same summary.
    const after = process_()
    expect(evidenceSummary(after)).toEqual(whileBusy)
    expect(stored(after)).toBe(targets(after))
  })
})
