import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EventWriter } from '../store/event-writer'
import { openStore, storePath } from '../store/open-store'
import { syntheticLogText } from '../testing/synthetic-log'
import { importFiles } from './import-files'

let dir: string

/** A log of `exchanges` exchanges from `start`, each with `noise` inbound lines. */
async function writeLog(name: string, start: number, exchanges: number): Promise<string> {
  const path = join(dir, name)
  const options = { seed: start % 97, start, stepMs: 1_000, noise: 6, unansweredEvery: 9 }
  await writeFile(path, syntheticLogText(options, exchanges))
  return path
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-import-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('importing', () => {
  it('two imports at once store both logs and leave the store its own cache', async () => {
    // The short one ends while the long one (three batches) still runs: as a manual import
    // during a remote pull would.
    const short = await writeLog('short.log', Date.UTC(2025, 4, 1), 300)
    const long = await writeLog('long.log', Date.UTC(2025, 5, 1), 8_000)
    const db = openStore(storePath(join(dir, 'state')))
    try {
      const writer = new EventWriter(db)
      const [a, b] = await Promise.all([
        importFiles(db, writer, [short]),
        importFiles(db, writer, [long]),
      ])
      expect([a.inserted, b.inserted]).toEqual([300, 8_000])
      expect(db.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(8_300)
      expect(db.pragma('cache_size', { simple: true })).toBe(-16_000)
    } finally {
      db.close()
    }
  })
})
