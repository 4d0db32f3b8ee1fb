import { describe, expect, it } from 'vitest'
import { lineGrammar } from './log-grammar.test-helpers'
import { createTrafficGenerator } from './traffic-generator'
import { flowInLog, type SentRecord } from './sent-record'
import { snapshotWorld } from './traffic-snapshot'
import type { TrafficOptions } from './traffic-types'

/** A day of traffic with what the generator says it sent. */
function dayOf(overrides: Partial<TrafficOptions> = {}): {
  lines: string[]
  sent: SentRecord[]
} {
  const sent: SentRecord[] = []
  const events = createTrafficGenerator(
    options({ ...overrides, onSent: record => sent.push(record) }),
  ).advanceTo(start + day)
  return { lines: events.map(e => e.line), sent }
}

const start = Date.UTC(2026, 2, 1, 8, 0, 0)
const day = 86_400_000

function options(overrides: Partial<TrafficOptions> = {}): TrafficOptions {
  return {
    seed: 42,
    startTime: start,
    format: '2025',
    machineIdentifier: '0123456789abcdef0123456789abcdef01234567',
    version: '1.42.2.10156-f737b826c',
    port: 32400,
    dataDir: '/config/Library/Application Support/Plex Media Server',
    world: snapshotWorld({ seed: 42, crashVersions: ['1.42.2.10156-f737b826c'] }),
    ...overrides,
  }
}

describe('traffic generator', () => {
  it('gives the same lines for the same seed and start, and other lines for another seed', () => {
    const a = createTrafficGenerator(options()).advanceTo(start + day)
    const b = createTrafficGenerator(options()).advanceTo(start + day)
    const c = createTrafficGenerator(options({ seed: 43 })).advanceTo(start + day)
    expect(b.map(e => e.line)).toEqual(a.map(e => e.line))
    expect(c.map(e => e.line)).not.toEqual(a.map(e => e.line))
  })

  it('yields lines in time order, in the real grammar, and records every flow it sends', () => {
    const sent: SentRecord[] = []
    const events = createTrafficGenerator(
      options({ onSent: record => sent.push(record) }),
    ).advanceTo(start + day)
    let last = 0
    for (const event of events) {
      expect(event.time).toBeGreaterThanOrEqual(last)
      last = event.time
      expect(event.line).toMatch(lineGrammar)
    }
    const flows = new Set(sent.map(record => record.flow))
    for (const flow of [
      'registration',
      'account',
      'media-providers',
      'update-check',
      'certificates',
      'plug-in-host',
      'matching',
      'periodic-refresh',
      'music-enrichment',
      'extras',
      'reachability',
      'relay',
      'port-mapping',
      'crash-upload',
      'webhooks',
      'playback-statistics',
      'library-statistics',
      'watch-state',
      'gdm',
    ]) {
      expect(flows, flow).toContain(flow)
    }
    // One upload for the dump found at start, then one after each crash (every three hours or so).
    expect(sent.filter(record => record.flow === 'crash-upload').length).toBeGreaterThan(2)
    // Nothing leaks by default, and background traffic has no gate.
    expect(sent.filter(record => record.leaked)).toEqual([])
    for (const record of sent) {
      const background = [
        'registration',
        'account',
        'media-providers',
        'update-check',
        'certificates',
        'plug-in-host',
      ].includes(record.flow)
      expect(record.gates.length === 0, record.flow).toBe(background)
    }
  })

  it('writes a request line for exactly the flows the real log shows', () => {
    const { lines, sent } = dayOf()
    for (const record of sent) {
      expect(record.logged, record.flow).toBe(flowInLog[record.flow] !== 'never')
      if (flowInLog[record.flow] === 'request-line') {
        expect(
          lines.some(line => line.includes(`HTTP requesting ${record.method} ${record.url}`)),
        ).toBe(true)
      }
    }
    const relay = sent.find(record => record.flow === 'relay')
    expect(relay && lines.some(line => line.includes(new URL(relay.url).hostname))).toBe(false)
  })

  it('matches with the Plex agents by a POST whose hints are in the body, never in the log (reference §9.1)', () => {
    const { lines, sent } = dayOf()
    const match = sent.find(record => record.flow === 'matching' && record.method === 'POST')
    expect(match?.url).toBe(
      'https://metadata.provider.plex.tv/library/metadata/matches?X-Plex-Country=US&X-Plex-Language=en-US',
    )
    const body = JSON.parse(match?.body ?? '{}') as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual(['filename', 'title', 'type', 'year'])
    expect(String(body.filename)).toMatch(/^\/[^/].*\.(mkv|flac|mp4|jpg)$/)
    expect(lines.some(line => line.includes(String(body.title)) && line.includes('matches'))).toBe(
      false,
    )
  })

  it('names the signed-in owner by e-mail in a crash upload, as a 2025 Windows log does (reference §9.2)', () => {
    const { lines } = dayOf()
    const job = lines.find(line => line.includes('CrashUploader'))
    expect(job).toContain('--userId=owner@example.com')
    expect(job).not.toContain('--allowRetries')
  })

  it('is the same whether driven in small steps or at once', () => {
    const once = createTrafficGenerator(options()).advanceTo(start + day)
    const stepped = createTrafficGenerator(options())
    const lines: string[] = []
    for (let t = start; t <= start + day; t += 250_000) {
      lines.push(...stepped.advanceTo(t).map(e => e.line))
    }
    lines.push(...stepped.advanceTo(start + day).map(e => e.line))
    expect(lines).toEqual(once.map(e => e.line))
  })

  it('sends nothing of a switched-off flow unless told to leak it, and records a leak as one', () => {
    const quiet = snapshotWorld({
      seed: 42,
      settings: { WebHooksEnabled: false, sendCrashReports: false },
      crashVersions: ['x'],
    })
    const { sent } = dayOf({ world: quiet })
    expect(sent.filter(r => r.flow === 'webhooks' || r.flow === 'crash-upload')).toEqual([])
    const leaky = snapshotWorld({
      seed: 42,
      settings: { WebHooksEnabled: false },
      leaks: ['webhooks'],
    })
    const leaked = dayOf({ world: leaky }).sent.filter(r => r.flow === 'webhooks')
    expect(leaked.length).toBeGreaterThan(0)
    for (const record of leaked) {
      expect(record.leaked).toBe(true)
      expect(record.gates).toEqual([{ setting: 'pref:WebHooksEnabled', open: false }])
    }
  })

  it('passes --allowRetries while crash upload retries are on, or when that flow leaks', () => {
    const on = dayOf({
      world: snapshotWorld({
        seed: 42,
        settings: { CrashUploadRetries: true },
        crashVersions: ['x'],
      }),
    })
    expect(on.lines.find(line => line.includes('CrashUploader'))).toContain('--allowRetries')
    expect(on.sent.find(r => r.flow === 'crash-retries')?.leaked).toBe(false)
    const leak = dayOf({
      world: snapshotWorld({ seed: 42, leaks: ['crash-retries'], crashVersions: ['x'] }),
    })
    expect(leak.sent.find(r => r.flow === 'crash-retries')?.leaked).toBe(true)
  })

  it('prints the token only while tokens in logs are allowed', () => {
    const token = 'RealTokenValue123456'
    const masked = createTrafficGenerator(options({ token })).advanceTo(start + day)
    expect(masked.some(e => e.line.includes(token))).toBe(false)
    const world = snapshotWorld({ seed: 42, settings: { LogTokensForDebug: true } })
    const open = createTrafficGenerator(options({ token, world })).advanceTo(start + day)
    expect(open.some(e => e.line.includes(token))).toBe(true)
  })

  it('generates a large log in one pass (the benchmark path)', () => {
    const generator = createTrafficGenerator(options())
    let bytes = 0
    let time = start
    while (bytes < 16 * 1024 * 1024) {
      time += day
      for (const event of generator.advanceTo(time)) {
        bytes += event.line.length + 1
      }
    }
    expect(bytes).toBeGreaterThanOrEqual(16 * 1024 * 1024)
  })
})

describe('traffic generator: cinema trailers', () => {
  it('asks for cinema trailers only while a source is on and a movie library plays them', () => {
    const trailers = (settings: Record<string, boolean>) =>
      dayOf({ world: snapshotWorld({ seed: 42, settings }) }).sent.filter(
        r => r.flow === 'cinema-trailers',
      )
    expect(trailers({})).toEqual([])
    expect(trailers({ CinemaTrailersFromTheater: true }).length).toBeGreaterThan(0)
  })
})
