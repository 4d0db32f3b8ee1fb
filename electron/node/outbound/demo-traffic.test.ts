import { describe, expect, it } from 'vitest'
import type { OutboundEvent } from '../../common/outbound/outbound-event'
import type { SentRecord } from '../../demo/sent-record'
import { snapshotTraffic } from '../../demo/traffic-snapshot'
import { LogParser } from './parse/log-parser'
import { recordReader } from './testing/parsed-records'
import { OrderedEvents } from './parse/ordered-events'

describe('the parser on a day of the demo server’s log', () => {
  it('finds every request the generator wrote, to the host it wrote, in the banner’s zone', () => {
    const start = Date.UTC(2026, 2, 1, 8)
    const sent: SentRecord[] = []
    const generator = snapshotTraffic({
      seed: 42,
      startTime: start,
      onSent: record => sent.push(record),
    })
    const lines = generator.advanceTo(start + 86_400_000)
    const parser = new LogParser({ file: 'Plex Media Server.log' })
    const ordered = new OrderedEvents()
    const reader = recordReader(parser)
    const events: OutboundEvent[] = [
      ...ordered.push(reader.feed(Buffer.from(lines.map(l => `${l.line}\n`).join('')))),
      ...ordered.push(reader.finish()),
      ...ordered.end(),
    ]
    const logged = sent.filter(record => record.logged)
    expect(events.length).toBe(logged.length)
    expect(events.length).toBeGreaterThan(1000)
    for (const [index, event] of events.entries()) {
      // Both in the order the lines were written: the nth event is the nth logged request.
      const written = logged[index] as SentRecord
      expect(event.method).toBe(written.method)
      expect(event.host).toBe(new URL(written.url).hostname.toLowerCase())
      expect(event.time.endsWith('+01:00')).toBe(true)
    }
    expect(new Set(events.map(e => e.category)).size).toBeGreaterThanOrEqual(10)
    expect(parser.skipped).toEqual({ malformed: 0, tooLong: 0, invalidUtf8: 0, notLogLine: 0 })
  })
})
