import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openOutboundLog } from './outbound-log'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const line = (i: number): string =>
  `Aug 04, 2025 20:03:${String(i).padStart(2, '0')}.000 [0x1] DEBUG - HTTP requesting GET https://analytics.plex.tv/e/${i}?X-Plex-Token=AbCdEf1234567890aBcD\n`

describe('openOutboundLog', () => {
  it('follows a Logs folder in real time and answers queries', async () => {
    const logs = join(dir, 'Logs')
    await mkdir(logs)
    await writeFile(join(logs, 'Plex Media Server.log'), line(1))
    const log = openOutboundLog({ stateDir: join(dir, 'state'), intervalMs: 20 })
    const recorded: number[] = []
    log.onRecorded(count => recorded.push(count))
    await log.follow(logs)
    expect(log.tailStatus()).toMatchObject({ state: 'following', logsDir: logs })
    await appendFile(join(logs, 'Plex Media Server.log'), line(2))
    // Wait for the poll that stored the line to report it too.
    while (log.count() < 2 || recorded.reduce((a, b) => a + b, 0) < 2) {
      await new Promise(done => setTimeout(done, 10))
    }
    const page = log.page({ category: 'usage' })
    expect(page.events.map(e => e.url)).toEqual([
      'https://analytics.plex.tv/e/2?X-Plex-Token=REDACTED',
      'https://analytics.plex.tv/e/1?X-Plex-Token=REDACTED',
    ])
    expect(log.stats().byCategory).toEqual([{ category: 'usage', count: 2 }])
    expect(log.exportText('ndjson').content.trim().split('\n')).toHaveLength(2)
    expect(recorded.reduce((a, b) => a + b, 0)).toBe(2)
    await log.close()
    expect(log.tailStatus().state).toBe('stopped')
  })

  it('reports a missing log', async () => {
    const log = openOutboundLog({ stateDir: join(dir, 'state') })
    await log.follow(join(dir, 'nowhere'))
    expect(log.tailStatus().state).toBe('logMissing')
    await log.close()
  })
})
