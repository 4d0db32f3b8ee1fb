import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { listCrashDumps } from './crash-reports'
import { call, startTestDemo } from './demo-test-helpers'
import { lineGrammar, logLines, requestMessage, responseMessage } from './log-grammar.test-helpers'
import type { DemoServer } from './start-demo-server'

const hour = 3_600_000
let cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups) {
    await cleanup()
  }
  cleanups = []
})

async function demoWith(options: Parameters<typeof startTestDemo>[0] = {}) {
  const started = await startTestDemo(options)
  cleanups.push(started.cleanup)
  return started
}

/** The lines written after `offset` bytes of the current log. */
async function linesSince(dataDir: string, offset: number): Promise<string[]> {
  const text = await readFile(join(dataDir, 'Logs', 'Plex Media Server.log'), 'utf8')
  return Buffer.from(text)
    .subarray(offset)
    .toString('utf8')
    .split('\n')
    .filter(l => l !== '')
}

async function logSize(demo: DemoServer): Promise<number> {
  demo.flushLog()
  return (await stat(join(demo.dataDir, 'Logs', 'Plex Media Server.log'))).size
}

describe('demo server log', () => {
  it('writes lines that parse with the real grammar, starting with the banner', async () => {
    const { demo, dataDir } = await demoWith()
    demo.faults.advance(3 * hour)
    const lines = await logLines(dataDir)
    expect(lines[0]).toMatch(
      /INFO - Plex Media Server v1\.42\.2\.10156-f737b826c - .* - GMT -?\d{2}:\d{2}$/,
    )
    for (const line of lines) {
      expect(line).toMatch(lineGrammar)
    }
    const messages = lines.map(line => lineGrammar.exec(line)?.groups?.msg ?? '')
    const urls = messages.flatMap(m => requestMessage.exec(m)?.[3] ?? [])
    expect(urls.some(url => url.startsWith('https://plex.tv/devices/'))).toBe(true)
    expect(urls.some(url => url.startsWith('https://plex.tv/api/v2/server/access_tokens'))).toBe(
      true,
    )
    expect(urls.some(url => url.startsWith('https://metadata.provider.plex.tv/'))).toBe(true)
    expect(urls.some(url => url.startsWith('http://127.0.0.1:'))).toBe(true)
    expect(messages.some(m => m.startsWith('Request: [') || m.startsWith('Completed: ['))).toBe(
      true,
    )
  })

  it('correlates each response with its request by HCl# id, from another thread', async () => {
    const { demo, dataDir } = await demoWith()
    demo.faults.advance(2 * hour)
    const requests = new Map<string, { url: string; tid: string }>()
    let responses = 0
    for (const line of await logLines(dataDir)) {
      const groups = lineGrammar.exec(line)?.groups ?? {}
      const request = requestMessage.exec(groups.msg ?? '')
      if (request) {
        requests.set(request[1] ?? '', { url: request[3] ?? '', tid: groups.tid ?? '' })
      }
      const response = responseMessage.exec(groups.msg ?? '')
      if (response) {
        responses++
        const matching = requests.get(response[1] ?? '')
        expect(matching?.url).toBe(response[4])
      }
    }
    expect(responses).toBeGreaterThan(20)
  })

  it('masks every token as exactly 20 x and never prints the real one', async () => {
    const { demo, dataDir } = await demoWith({ token: 'SecretToken123456789' })
    await call(demo, `/:/prefs?X-Plex-Token=${demo.token}`, { token: null })
    demo.faults.advance(hour)
    const text = (await logLines(dataDir)).join('\n')
    expect(text).not.toContain('SecretToken123456789')
    const values = [...text.matchAll(/(?:X-Plex-Token|auth_token)=([^&\s]*)/g)].map(m => m[1])
    expect(values.length).toBeGreaterThan(10)
    expect(new Set(values)).toEqual(new Set(['xxxxxxxxxxxxxxxxxxxx']))
  })

  it('logs inbound requests as Request:/Completed: lines', async () => {
    const { demo, dataDir } = await demoWith()
    await call(demo, '/library/sections', { json: true })
    demo.flushLog()
    const lines = await logLines(dataDir)
    expect(
      lines.some(l =>
        /DEBUG - Request: \[127\.0\.0\.1:\d+ \(Loopback\)\] GET \/library\/sections /.test(l),
      ),
    ).toBe(true)
    expect(
      lines.some(l =>
        /DEBUG - Completed: \[127\.0\.0\.1:\d+\] 200 GET \/library\/sections .* \d+ms \d+ bytes$/.test(
          l,
        ),
      ),
    ).toBe(true)
  })

  it('writes the 2026 em-dash variant', async () => {
    const { demo, dataDir } = await demoWith({ logFormat: '2026' })
    demo.faults.advance(hour)
    const lines = await logLines(dataDir)
    expect(lines.some(l => l.includes('] Debug — [HCl#'))).toBe(true)
    expect(lines.every(l => lineGrammar.test(l) && !l.includes(' DEBUG - '))).toBe(true)
  })

  it('writes the 2018 grammar on a legacy server: hex thread ids, no HCl#, curl errors', async () => {
    const { demo, dataDir } = await demoWith({ legacy: true })
    demo.faults.plexTvDown(true)
    demo.faults.advance(30 * 60_000)
    demo.faults.plexTvDown(false)
    demo.faults.advance(2 * hour)
    const lines = await logLines(dataDir)
    expect(lines[0]).toMatch(
      /\[0x7f[0-9a-f]{7}700\] INFO - Plex Media Server v1\.13\.8\.5395-10d48da0d /,
    )
    expect(lines.every(l => lineGrammar.test(l) && !l.includes('HCl#'))).toBe(true)
    expect(lines.some(l => / DEBUG - HTTP requesting GET https:\/\/meta\.plex\.tv\//.test(l))).toBe(
      true,
    )
    expect(
      lines.some(l => / DEBUG - HTTP 200 response from GET https:\/\/plex\.tv\//.test(l)),
    ).toBe(true)
    expect(lines.some(l => l.endsWith('ERROR - Error issuing curl_easy_perform(handle): 6'))).toBe(
      true,
    )
    expect(
      lines.some(l =>
        / WARN - HTTP error requesting \S+ https:\/\/plex\.tv\/\S+ \(0, No error\) \(Couldn't resolve host 'plex\.tv'\)$/.test(
          l,
        ),
      ),
    ).toBe(true)
  })

  it('writes no DEBUG lines while logDebug is off', async () => {
    const { demo, dataDir } = await demoWith()
    await call(demo, '/:/prefs?logDebug=0', { method: 'PUT' })
    const offset = await logSize(demo)
    demo.faults.plexTvDown(true)
    demo.faults.advance(3 * hour)
    const after = await linesSince(dataDir, offset)
    expect(after.length).toBeGreaterThan(0)
    expect(after.filter(l => / DEBUG - /.test(l))).toEqual([])
    expect(
      after.some(l =>
        / WARN - \[HttpClient\/HCl#[0-9a-f]+\] HTTP error requesting GET https:\/\/plex\.tv\//.test(
          l,
        ),
      ),
    ).toBe(true)
  })

  it('stops a flow when its switch is turned off, and says so for crash reports', async () => {
    const { demo, dataDir } = await demoWith()
    await call(demo, '/:/prefs?sendCrashReports=0&PublishServerOnPlexOnlineKey=0', {
      method: 'PUT',
    })
    for (const id of [1, 2, 3]) {
      await call(demo, `/library/sections/${id}?agent=tv.plex.agents.none`, { method: 'PUT' })
    }
    const offset = await logSize(demo)
    demo.faults.advance(4 * hour)
    const before = await logLines(dataDir)
    expect(before.some(l => l.endsWith('WARN - Crash: Crash reporting disabled'))).toBe(true)
    const after = (await linesSince(dataDir, offset)).join('\n')
    expect(after).toContain('https://plex.tv/api/v2/server/access_tokens')
    expect(after).not.toContain('CrashUploader')
    expect(after).not.toContain('/library/metadata/matches')
    expect(after).not.toContain('/connectivity?')
    expect(listCrashDumps(dataDir).length).toBeGreaterThan(0)
  })

  it('keeps sending a leaking flow after its switch is off, and records it as leaked', async () => {
    const { demo, dataDir } = await demoWith()
    await call(demo, '/library/sections/1?agent=tv.plex.agents.none', { method: 'PUT' })
    demo.faults.leak('matching')
    const offset = await logSize(demo)
    const since = demo.now()
    demo.faults.advance(2 * hour)
    expect((await linesSince(dataDir, offset)).join('\n')).toContain(
      'HTTP requesting POST https://metadata.provider.plex.tv/library/metadata/matches?',
    )
    const leaked = demo.sent().filter(r => r.time >= since && r.leaked)
    expect(leaked.length).toBeGreaterThan(0)
    expect(leaked.every(r => r.flow === 'matching')).toBe(true)
    expect(leaked[0]?.gates).toEqual([{ setting: 'library:1:agent', open: false }])
  })

  it('refreshes a library on request: one match per item while its agent is online', async () => {
    const { demo, dataDir } = await demoWith()
    const since = demo.now()
    expect((await call(demo, '/library/sections/2/refresh')).status).toBe(200)
    demo.faults.advance(60_000)
    const shows = demo
      .sent()
      .filter(r => r.time >= since && r.flow === 'matching' && r.method === 'POST')
      .map(r => JSON.parse(r.body ?? '{}') as { type: number })
    expect(shows).toHaveLength(6)
    expect(shows.every(body => body.type === 2)).toBe(true)
    expect(
      (await logLines(dataDir)).filter(l =>
        l.includes(
          'HTTP requesting POST https://metadata.provider.plex.tv/library/metadata/matches?',
        ),
      ).length,
    ).toBeGreaterThanOrEqual(6)
    await call(demo, '/library/sections/2?agent=tv.plex.agents.none', { method: 'PUT' })
    const offset = await logSize(demo)
    await call(demo, '/library/sections/2/refresh')
    demo.faults.advance(60_000)
    const after = (await linesSince(dataDir, offset)).join('\n')
    expect(after).toContain('GET /library/sections/2/refresh')
    expect(after).not.toContain('/library/metadata/matches?')
  })

  it('rotates to .1.log … .5.log at the configured size', async () => {
    const { demo, dataDir } = await demoWith({ rotateBytes: 40_000 })
    demo.faults.advance(24 * hour)
    for (const n of [1, 2, 3, 4, 5]) {
      const file = join(dataDir, 'Logs', `Plex Media Server.${n}.log`)
      expect(existsSync(file)).toBe(true)
      expect((await stat(file)).size).toBeLessThanOrEqual(40_000)
    }
    expect(existsSync(join(dataDir, 'Logs', 'Plex Media Server.6.log'))).toBe(false)
  })

  it('writes simulated history on a first start with backfillHours', async () => {
    const { dataDir } = await demoWith({ backfillHours: 2 })
    const lines = await logLines(dataDir)
    const timeOf = (line: string | undefined): number =>
      new Date(`${line?.slice(0, 19).replace(',', '')}Z`).getTime()
    expect(timeOf(lines.at(-1)) - timeOf(lines[0])).toBeGreaterThan(1.9 * hour)
    expect(
      lines.some(l => l.includes('HTTP requesting GET https://metadata.provider.plex.tv/')),
    ).toBe(true)
  })
})

describe('demo server crash reports', () => {
  it('keeps pending dumps until the CrashUploader job uploads and removes them', async () => {
    const { demo, dataDir } = await demoWith()
    const dumps = listCrashDumps(dataDir)
    expect(dumps.length).toBeGreaterThanOrEqual(2)
    for (const dump of dumps) {
      expect(dump.path).toMatch(
        /Crash Reports\/[\d.]+-[0-9a-f]+\/PLEX MEDIA SERVER\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{8}-[0-9a-f]{8}\.dmp$/,
      )
      expect((await stat(dump.path)).size).toBeGreaterThan(100_000)
    }
    demo.faults.advance(2 * hour)
    const lines = await logLines(dataDir)
    const job = lines.find(l =>
      l.includes('[JobRunner] Job running: /usr/lib/plexmediaserver/CrashUploader'),
    )
    expect(job).toContain('--sentryUrl=https://o17675.ingest.sentry.io/api/1233455/')
    expect(job).toContain(`--serverUuid=${demo.machineIdentifier}`)
    expect(
      lines.some(l =>
        /Jobs: '\/usr\/lib\/plexmediaserver\/CrashUploader' exit code for process \d+ is 0 \(success\)$/.test(
          l,
        ),
      ),
    ).toBe(true)
    // The dumps found at start are uploaded and gone; a crash since may have left a new one.
    const left = listCrashDumps(dataDir).map(dump => dump.path)
    expect(dumps.filter(dump => left.includes(dump.path))).toEqual([])
  })
})

describe('demo server determinism', () => {
  it('writes the same lines for the same seed, apart from the start time, port and folder', async () => {
    const runs: string[][] = []
    for (let run = 0; run < 2; run++) {
      const { demo, dataDir } = await demoWith({ seed: 11 })
      demo.faults.advance(6 * hour)
      const port = new URL(demo.url).port
      const lines = await logLines(dataDir)
      runs.push(
        lines.map(line =>
          line
            .slice(26)
            .replaceAll(dataDir, '<data>')
            .replaceAll(`192.168.1.20:${port}`, '192.168.1.20:<port>'),
        ),
      )
    }
    // The real time that passes while a run starts moves its end by a few milliseconds: compare
    // the common prefix.
    const [a = [], b = []] = runs
    const common = Math.min(a.length, b.length)
    expect(common).toBeGreaterThan(500)
    expect(b.slice(0, common)).toEqual(a.slice(0, common))
  })
})
