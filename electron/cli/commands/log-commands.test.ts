import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../run-cli'
import { createMemoryIo } from '../testing/memory-io'

let dir: string
let logs: string
let state: string

async function hush(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = createMemoryIo()
  const code = await runCli(argv, io)
  return { code, out: io.out(), err: io.errText() }
}

const line = (minute: number, url: string): string =>
  `Aug 04, 2025 20:${String(minute).padStart(2, '0')}:00.000 [0x1] DEBUG - HTTP requesting GET ${url}\n`

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-'))
  logs = join(dir, 'Logs')
  state = join(dir, 'state')
  await mkdir(logs)
  await writeFile(
    join(logs, 'Plex Media Server.2.log'),
    line(1, 'https://plex.tv/updater/products/1/check.xml?v=1'),
  )
  await writeFile(
    join(logs, 'Plex Media Server.1.log'),
    line(2, 'https://analytics.plex.tv/collect/a'),
  )
  await writeFile(
    join(logs, 'Plex Media Server.log'),
    line(3, 'https://metadata.provider.plex.tv/library/matches?title=Heat') +
      line(4, 'http://127.0.0.1:32400/identity'),
  )
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('hush log commands', () => {
  it('imports a Logs folder oldest first and lists it newest first, page by page', async () => {
    const imported = await hush('log', 'import', logs, '--state-dir', state, '--json')
    expect(imported.code).toBe(0)
    expect(JSON.parse(imported.out)).toMatchObject({ files: 3, inserted: 4 })
    const first = await hush('log', 'list', '--state-dir', state, '--json', '--limit', '3')
    const page = JSON.parse(first.out) as {
      events: { id: number; source: { file: string } }[]
      nextBefore: number
    }
    expect(page.events.map(e => e.source.file)).toEqual([
      'Plex Media Server.log',
      'Plex Media Server.log',
      'Plex Media Server.1.log',
    ])
    const second = await hush(
      'log',
      'list',
      '--state-dir',
      state,
      '--json',
      '--before',
      String(page.nextBefore),
    )
    expect(
      (JSON.parse(second.out) as { events: { source: { file: string } }[] }).events.map(
        e => e.source.file,
      ),
    ).toEqual(['Plex Media Server.2.log'])
    const text = await hush('log', 'list', '--state-dir', state, '--category', 'metadata-matching')
    expect(text.out).toContain('https://metadata.provider.plex.tv/library/matches?title=Heat')
    const found = await hush('log', 'list', '--state-dir', state, '--search', 'heat', '--json')
    expect((JSON.parse(found.out) as { events: unknown[] }).events).toHaveLength(1)
  })

  it('counts by category, host and day', async () => {
    await hush('log', 'import', logs, '--state-dir', state)
    const stats = JSON.parse((await hush('log', 'stats', '--state-dir', state, '--json')).out) as {
      total: number
      byDay: { day: string; count: number }[]
    }
    expect(stats.total).toBe(4)
    expect(stats.byDay.every(d => d.day === '2025-08-04')).toBe(true)
    expect((await hush('log', 'stats', '--state-dir', state)).out).toContain('4 events')
  })

  it('says where events come from while none are stored, and when a filter matches none', async () => {
    const list = await hush('log', 'list', '--state-dir', state)
    expect(list.code).toBe(0)
    expect(list.out).toMatch(
      /^No outbound events stored yet\. .*`hush log import <its Logs folder>`/,
    )
    expect(list.out).toContain('`hush log pull`')
    const stats = await hush('log', 'stats', '--state-dir', state)
    expect(stats.out).toMatch(/^0 events .*\nNo outbound events stored yet\./)
    await hush('log', 'import', logs, '--state-dir', state)
    const none = await hush('log', 'list', '--state-dir', state, '--search', 'nowhere')
    expect(none.out).toBe('No stored outbound event matches.\n')
    const paged = await hush('log', 'list', '--state-dir', state, '--before', '1')
    expect(paged.out).toBe('No stored outbound event matches.\n')
  })

  it('keeps hosts only at privacy level 2', async () => {
    await hush('log', 'import', logs, '--state-dir', state, '--privacy-level', '2')
    const out = (await hush('log', 'export', '--format', 'ndjson', '--state-dir', state)).out
    const urls = out
      .trim()
      .split('\n')
      .map(l => (JSON.parse(l) as { url: string }).url)
    expect(urls).toEqual([
      'https://plex.tv',
      'https://analytics.plex.tv',
      'https://metadata.provider.plex.tv',
      'http://127.0.0.1:32400',
    ])
  })

  it('rejects wrong input with a usage error or a one-line failure', async () => {
    expect((await hush('log', 'parse')).code).toBe(2)
    const missing = await hush('log', 'parse', join(dir, 'nope.log'))
    expect(missing.code).toBe(1)
    expect(missing.err.trim().split('\n')).toHaveLength(1)
    expect((await hush('log', 'import', dir, '--state-dir', state)).code).toBe(1)
    expect((await hush('log', 'list', '--state-dir', state, '--category', 'nope')).code).toBe(2)
    expect((await hush('log', 'list', '--state-dir', state, '--since', 'yesterday')).code).toBe(2)
    expect((await hush('log', 'export', '--state-dir', state, '--format', 'xml')).code).toBe(2)
    expect(
      (await hush('log', 'import', logs, '--state-dir', state, '--privacy-level', '7')).code,
    ).toBe(2)
  })
})
