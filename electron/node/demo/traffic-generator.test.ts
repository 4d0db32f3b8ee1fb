import { describe, expect, it } from 'vitest'
import { lineGrammar } from './log-grammar.test-helpers'
import { createTrafficGenerator } from './traffic-generator'
import { snapshotWorld } from './traffic-snapshot'
import type { TrafficOptions } from './traffic-types'

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

  it('yields lines in time order, in the real grammar, with the category of each request', () => {
    const events = createTrafficGenerator(options()).advanceTo(start + day)
    let last = 0
    for (const event of events) {
      expect(event.time).toBeGreaterThanOrEqual(last)
      last = event.time
      expect(event.line).toMatch(lineGrammar)
    }
    const categories = new Set(events.flatMap(e => e.category ?? []))
    for (const category of [
      'registration',
      'account',
      'metadata-matching',
      'remote-access',
      'relay',
      'crash-reports',
      'updates',
      'webhooks',
      'usage',
      'trailers-extras',
      'local',
    ]) {
      expect(categories).toContain(category)
    }
    const crash = events.filter(e => e.category === 'crash-reports')
    expect(crash).toHaveLength(1)
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

  it('sends nothing of a switched-off category unless told to leak it', () => {
    const quiet = snapshotWorld({
      seed: 42,
      settings: { WebHooksEnabled: false, sendCrashReports: false },
      crashVersions: ['x'],
    })
    const events = createTrafficGenerator(options({ world: quiet })).advanceTo(start + day)
    expect(events.filter(e => e.category === 'webhooks' || e.category === 'crash-reports')).toEqual(
      [],
    )
    const leaky = snapshotWorld({
      seed: 42,
      settings: { WebHooksEnabled: false },
      leaks: ['webhooks'],
    })
    const leaked = createTrafficGenerator(options({ world: leaky })).advanceTo(start + day)
    expect(leaked.some(e => e.category === 'webhooks')).toBe(true)
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
      createTrafficGenerator(options({ world: snapshotWorld({ seed: 42, settings }) }))
        .advanceTo(start + day)
        .filter(e => e.url?.includes('/hubs/sections/home/trailers') === true)
    expect(trailers({})).toEqual([])
    expect(trailers({ CinemaTrailersFromTheater: true }).length).toBeGreaterThan(0)
  })
})
