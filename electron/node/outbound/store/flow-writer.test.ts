import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { relayFlow, uploadFlow } from '../testing/flows'
import { iterateEvents, pageEvents } from './event-queries'
import { applyRetention, countEvents, eventStats } from './event-stats'
import { exportEvents } from './export-events'
import { FlowWriter } from './flow-writer'
import { openStore, type StoreDb } from './open-store'

let dir: string
let db: StoreDb

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-flows-'))
  db = openStore(join(dir, 'outbound.sqlite'))
})
afterEach(async () => {
  db.close()
  await rm(dir, { recursive: true, force: true })
})

const start = Date.parse('2026-12-01T14:02:00Z')
const none = { opened: [], updated: [], closed: [] }

describe('the ledger of connections', () => {
  it('stores a connection once: opened, then its bytes and last sighting, then its close', () => {
    const writer = new FlowWriter(db)
    const flow = relayFlow(start)
    expect(writer.write({ ...none, opened: [{ flow, host: 'relay.plex.tv' }] })).toMatchObject({
      inserted: 1,
    })
    const later = { ...flow, lastSeen: start + 60_000, bytesSent: 9_000, bytesReceived: 20_000 }
    expect(writer.write({ ...none, updated: [later] })).toMatchObject({ updated: 1 })
    expect(
      writer.write({ ...none, closed: [{ ...later, closedAt: start + 62_000 }] }),
    ).toMatchObject({ closed: 1 })
    const [event, ...rest] = pageEvents(db, { limit: 10 }).events
    expect(rest).toEqual([])
    expect(event).toMatchObject({
      witness: 'network',
      method: 'TCP',
      url: 'tcp://relay.plex.tv:443',
      host: 'relay.plex.tv',
      service: 'Plex Relay',
      category: 'relay',
      time: '2026-12-01T14:02:00.000Z',
      connection: {
        process: 'Plex Relay',
        remoteAddress: '127.0.0.2',
        remotePort: 443,
        firstSeen: '2026-12-01T14:02:00.000Z',
        lastSeen: '2026-12-01T14:03:00.000Z',
        closedAt: '2026-12-01T14:03:02.000Z',
        bytesSent: 9_000,
        bytesReceived: 20_000,
      },
    })
  })

  it('continues a connection an earlier run stored, and closes the ones gone meanwhile', () => {
    const relay = relayFlow(start)
    const upload = uploadFlow(start)
    new FlowWriter(db).write({
      ...none,
      opened: [
        { flow: relay, host: 'relay.plex.tv' },
        { flow: upload, host: 'o1.ingest.sentry.io' },
      ],
    })
    // Hush restarts: its witness sees the relay again as new, and the upload no more.
    const seenAgain = relayFlow(start + 600_000, { bytesSent: 50_000 })
    const result = new FlowWriter(db).write({
      ...none,
      opened: [{ flow: seenAgain, host: 'relay.plex.tv' }],
      openNow: [seenAgain],
      at: start + 600_000,
    })
    expect(result).toEqual({ inserted: 0, continued: 1, updated: 0, closed: 1 })
    const events = pageEvents(db, { limit: 10 }).events
    expect(events).toHaveLength(2)
    const byProcess = new Map(events.map(e => [e.connection?.process, e.connection]))
    expect(byProcess.get('Plex Relay')).toMatchObject({ closedAt: null, bytesSent: 50_000 })
    expect(byProcess.get('CrashUploader')).toMatchObject({
      closedAt: new Date(start + 600_000).toISOString(),
    })
    // The same ends later on (a port used again) are a new connection.
    const reused = relayFlow(start + 900_000)
    const writer = new FlowWriter(db)
    writer.write({ ...none, closed: [{ ...seenAgain, closedAt: start + 700_000 }] })
    writer.write({ ...none, opened: [{ flow: reused, host: 'relay.plex.tv' }] })
    expect(countEvents(db, { witness: 'network' })).toBe(3)
  })

  it('filters, searches, counts and exports connections like log events', () => {
    const writer = new FlowWriter(db)
    writer.write({
      ...none,
      opened: [
        { flow: relayFlow(start), host: 'relay.plex.tv' },
        { flow: uploadFlow(start + 86_400_000), host: 'o1.ingest.sentry.io' },
      ],
    })
    expect(countEvents(db, { witness: 'network' })).toBe(2)
    expect(countEvents(db, { witness: 'log' })).toBe(0)
    expect(countEvents(db, { witness: 'network', category: 'crash-reports' })).toBe(1)
    expect(pageEvents(db, { search: 'CrashUploader', limit: 5 }).events).toHaveLength(1)
    expect(pageEvents(db, { host: 'relay.plex.tv', limit: 5 }).events[0]?.service).toBe(
      'Plex Relay',
    )
    expect(countEvents(db, { witness: 'network', since: '2026-12-02', until: '2026-12-03' })).toBe(
      1,
    )
    const stats = eventStats(db, { witness: 'network' })
    expect(stats.byCategory).toEqual([
      { category: 'crash-reports', count: 1 },
      { category: 'relay', count: 1 },
    ])
    expect(eventStats(db).byWitnessDay).toEqual([
      { day: '2026-12-01', witness: 'network', count: 1 },
      { day: '2026-12-02', witness: 'network', count: 1 },
    ])
    const csv: string[] = []
    exportEvents(iterateEvents(db, { witness: 'network' }), 'csv', text => csv.push(text))
    const [header, first] = csv.join('').split('\r\n')
    expect(header).toContain('witness,process,remoteAddress,remotePort')
    expect(first).toContain('network,Plex Relay,127.0.0.2,443')
  })

  it('keeps no address or port at the privacy level "counts only"', () => {
    new FlowWriter(db, 3).write({
      ...none,
      opened: [{ flow: relayFlow(start), host: 'relay.plex.tv' }],
    })
    const [event] = pageEvents(db, { limit: 1 }).events
    expect(event).toMatchObject({ witness: 'network', host: '', url: '', time: '2026-12-01' })
    expect(event?.connection).toMatchObject({ remoteAddress: '', remotePort: 0, pid: null })
    expect(JSON.stringify(event)).not.toContain('127.0.0.2')
  })

  it('keeps an open connection through retention, and drops a closed one with its event', () => {
    const writer = new FlowWriter(db)
    writer.write({
      ...none,
      opened: [
        { flow: relayFlow(start), host: 'relay.plex.tv' },
        { flow: uploadFlow(start), host: 'o1.ingest.sentry.io' },
      ],
    })
    writer.write({ ...none, closed: [{ ...uploadFlow(start), closedAt: start + 5_000 }] })
    applyRetention(db, 1, start + 3 * 86_400_000)
    expect(pageEvents(db, { limit: 5 }).events.map(e => e.connection?.process)).toEqual([
      'Plex Relay',
    ])
    expect(db.prepare('SELECT COUNT(*) FROM flows').pluck().get()).toBe(1)
  })
})
