import { appendFile, mkdir, mkdtemp, rename, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EventWriter } from '../store/event-writer'
import { openStore, type StoreDb } from '../store/open-store'
import { TailFollower, type TailClock } from './tail-follower'
import { storedKeySql } from '../testing/stored-key'

let dir: string
let logs: string
let db: StoreDb
let n = 0

/** One request line with a unique URL, at a unique time. */
function request(tag: string, hcl?: string): string {
  n++
  const s = String(n % 60).padStart(2, '0')
  const m = String(Math.floor(n / 60) % 60).padStart(2, '0')
  const prefix = hcl ? `[HCl#${hcl}] ` : ''
  return `Aug 04, 2025 20:${m}:${s}.${String(n % 1000).padStart(3, '0')} [0x16cde3000] DEBUG - ${prefix}HTTP requesting GET https://plex.tv/${tag}/${n}\n`
}

function response(hcl: string, url: string): string {
  return `Aug 04, 2025 21:00:00.000 [0x16c037000] DEBUG - [HttpClient/HCl#${hcl}] HTTP/1.1 (0.1s) 200 response from GET ${url}\n`
}

function lines(tag: string, count: number): string {
  return Array.from({ length: count }, () => request(tag)).join('')
}

const live = (): string => join(logs, 'Plex Media Server.log')
const rotated = (k: number): string => join(logs, `Plex Media Server.${k}.log`)

function count(where = '1 = 1'): number {
  return db
    .prepare(`SELECT COUNT(*) FROM events e JOIN targets t ON t.id = e.target WHERE ${where}`)
    .pluck()
    .get() as number
}

function follower(): TailFollower {
  return new TailFollower({ db, writer: new EventWriter(db), logsDir: logs })
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-'))
  logs = join(dir, 'Logs')
  await mkdir(logs)
  db = openStore(join(dir, 'outbound.sqlite'))
})
afterEach(async () => {
  db.close()
  await rm(dir, { recursive: true, force: true })
})

describe('TailFollower on real files', () => {
  it('backfills the rotated files oldest first, then follows appends', async () => {
    await writeFile(rotated(2), lines('two', 3))
    await writeFile(rotated(1), lines('one', 4))
    await writeFile(live(), lines('live', 5))
    const tail = follower()
    expect((await tail.pollOnce()).inserted).toBe(12)
    const order = db
      .prepare('SELECT t.url FROM events e JOIN targets t ON t.id = e.target ORDER BY e.id')
      .pluck()
      .all() as string[]
    expect(order.map(u => u.split('/')[3])).toEqual([
      ...Array<string>(3).fill('two'),
      ...Array<string>(4).fill('one'),
      ...Array<string>(5).fill('live'),
    ])
    expect((await tail.pollOnce()).inserted).toBe(0)
    await appendFile(live(), lines('more', 2))
    expect((await tail.pollOnce()).inserted).toBe(2)
    expect(count()).toBe(14)
  })

  it('waits for the newline of a line being written', async () => {
    await writeFile(live(), lines('a', 1))
    const tail = follower()
    await tail.pollOnce()
    const next = request('b')
    await appendFile(live(), next.slice(0, 40))
    expect((await tail.pollOnce()).inserted).toBe(0)
    await appendFile(live(), next.slice(40))
    expect((await tail.pollOnce()).inserted).toBe(1)
    expect(count("t.url LIKE 'https://plex.tv/b/%'")).toBe(1)
  })

  it('follows a rotation: drains the renamed file, reads the new one, and pairs a response across them', async () => {
    await writeFile(live(), lines('old', 3))
    const tail = follower()
    await tail.pollOnce()
    // Written after the last poll, then the server rotates.
    const pending = request('pending', '5c')
    await appendFile(live(), lines('late', 2) + pending)
    await rename(live(), rotated(1))
    const url = pending.slice(pending.indexOf('https://')).trim()
    await writeFile(live(), response('5c', url) + lines('new', 2))
    const r = await tail.pollOnce()
    expect(r).toMatchObject({ inserted: 5, answered: 1 })
    expect(count()).toBe(8)
    expect(count("t.url LIKE '%/pending/%' AND e.status = 200")).toBe(1)
    expect(db.prepare(`SELECT COUNT(DISTINCT ${storedKeySql()}) FROM events`).pluck().get()).toBe(8)
  })

  it('reads a truncated file from its start', async () => {
    await writeFile(live(), lines('before', 5))
    const tail = follower()
    await tail.pollOnce()
    await truncate(live(), 0)
    await appendFile(live(), lines('after', 2))
    expect((await tail.pollOnce()).inserted).toBe(2)
    expect(count()).toBe(7)
  })

  it('reads a file replaced by a shorter one, also when it regrew past the old offset in place', async () => {
    await writeFile(live(), lines('first', 6))
    const tail = follower()
    await tail.pollOnce()
    const replacement = join(logs, 'replacement.tmp')
    await writeFile(replacement, lines('second', 2))
    await rename(replacement, live())
    expect((await tail.pollOnce()).inserted).toBe(2)
    // Truncated and rewritten longer than before between two polls: the head tells.
    await writeFile(live(), lines('third', 9))
    expect((await tail.pollOnce()).inserted).toBe(9)
    expect(count()).toBe(17)
  })

  it('resumes after a restart from the stored cursor, even when the file rotated meanwhile', async () => {
    await writeFile(live(), lines('a', 3))
    await follower().pollOnce()
    await appendFile(live(), lines('b', 2))
    await rename(live(), rotated(1))
    await writeFile(live(), lines('c', 1))
    const restarted = follower()
    expect((await restarted.pollOnce()).inserted).toBe(3)
    expect(count()).toBe(6)
    expect((await restarted.pollOnce()).inserted).toBe(0)
  })

  it('polls on its clock and stops', async () => {
    const timers: (() => void)[] = []
    const clock: TailClock = {
      setTimeout: run => timers.push(run),
      clearTimeout: () => undefined,
    }
    const polls: number[] = []
    await writeFile(live(), lines('x', 2))
    const tail = new TailFollower({
      db,
      writer: new EventWriter(db),
      logsDir: logs,
      clock,
      onPoll: r => polls.push(r.inserted),
    })
    tail.start()
    expect(timers).toHaveLength(1)
    timers.shift()?.()
    await tail.pollOnce()
    await new Promise(done => setImmediate(done))
    expect(polls).toEqual([2])
    await tail.stop()
    expect(count()).toBe(2)
  })
})
