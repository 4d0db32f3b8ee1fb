import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openOutboundLog } from '../outbound/outbound-log'
import { startDestinationWatch, type DiscoveredDestination } from './destination-watch'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

let second = 0
const request = (url: string): string =>
  `Aug 04, 2025 20:03:${String(second++ % 60).padStart(2, '0')}.000 [0x1] DEBUG - HTTP requesting GET ${url}\n`

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    if (condition()) {
      return
    }
    await new Promise(resolve => setTimeout(resolve, 20))
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('new-destination alerts', () => {
  it('takes the first import as a baseline, then raises exactly one alert for a host never seen', async () => {
    const logs = join(dir, 'Logs')
    const file = join(logs, 'Plex Media Server.log')
    await mkdir(logs)
    await writeFile(
      file,
      request('https://analytics.plex.tv/e/1') + request('https://plex.tv/api/v2/user'),
    )
    const log = openOutboundLog({ stateDir: join(dir, 'state'), intervalMs: 20 })
    const found: DiscoveredDestination[] = []
    const watch = startDestinationWatch({
      stateDir: join(dir, 'state'),
      log,
      minGapMs: 50,
      onDiscovered: destination => found.push(destination),
    })
    await log.follow(logs)
    await waitFor(() => log.count() >= 2, 'the first import')
    expect(await watch.check()).toEqual([])

    // A host never seen, three times in a row and over several polls: one alert.
    await appendFile(file, request('https://metrics.example-cdn.net/collect?id=1'))
    await waitFor(() => found.length > 0, 'the alert')
    await appendFile(file, request('https://metrics.example-cdn.net/collect?id=2'))
    await appendFile(file, request('https://analytics.plex.tv/e/2'))
    await waitFor(() => log.count() >= 5, 'the later lines')
    await watch.check()
    expect(found.map(destination => destination.host)).toEqual(['metrics.example-cdn.net'])
    watch.stop()
    await log.close()

    // Hush restarts: the seen set is kept, nothing is raised again.
    const reopened = openOutboundLog({ stateDir: join(dir, 'state') })
    const again: DiscoveredDestination[] = []
    const restarted = startDestinationWatch({
      stateDir: join(dir, 'state'),
      log: reopened,
      onDiscovered: destination => again.push(destination),
    })
    expect(await restarted.check()).toEqual([])
    expect(again).toEqual([])
    restarted.stop()
    await reopened.close()
  })
})
