import { describe, expect, it } from 'vitest'
import { createFlowTable } from './flow-table'
import type { OwnedSocket } from './owned-socket'

const relay = (over: Partial<OwnedSocket> = {}): OwnedSocket => ({
  protocol: 'tcp',
  local: { address: '192.168.1.20', port: 52402 },
  remote: { address: '198.51.100.44', port: 443 },
  state: 'ESTABLISHED',
  pid: 977,
  uid: 998,
  inode: 4242,
  processId: 'relay',
  processLabel: 'Plex Relay',
  attributedBy: 'process',
  ...over,
})

describe('the flow table', () => {
  it('opens a flow once, keeps it while seen, and closes it at the first sample without it', () => {
    const table = createFlowTable()
    expect(table.apply([relay({ bytesSent: 100, bytesReceived: 10 })], 1_000).opened).toHaveLength(
      1,
    )
    const second = table.apply([relay({ bytesSent: 300, bytesReceived: 10 })], 3_000)
    expect(second.opened).toEqual([])
    expect(second.updated.map(f => f.bytesSent)).toEqual([300])
    expect(table.apply([relay({ bytesSent: 300, bytesReceived: 10 })], 5_000).updated).toEqual([])
    const closed = table.apply([], 7_000).closed
    expect(closed).toHaveLength(1)
    expect(closed[0]).toMatchObject({
      firstSeen: 1_000,
      lastSeen: 5_000,
      closedAt: 7_000,
      bytesSent: 300,
    })
    expect(table.flows()).toHaveLength(1)
  })

  it('counts the same socket once when a sample lists it twice', () => {
    const table = createFlowTable()
    expect(table.apply([relay(), relay()], 1_000).opened).toHaveLength(1)
  })

  it('starts a new flow when a new socket reuses the same ends', () => {
    const table = createFlowTable()
    table.apply([relay({ inode: 1 })], 1_000)
    const reused = table.apply([relay({ inode: 2 })], 3_000)
    expect(reused.opened).toHaveLength(1)
    expect(table.flows().filter(f => f.closedAt === 3_000)).toHaveLength(1)
    expect(table.flows()).toHaveLength(2)
  })

  it('never lowers a byte count, and keeps the last one when a sample has none', () => {
    const table = createFlowTable()
    table.apply([relay({ bytesSent: 500 })], 1_000)
    table.apply([relay({ bytesSent: undefined, bytesReceived: undefined })], 2_000)
    expect(table.flows()[0]?.bytesSent).toBe(500)
  })

  it('keeps a bounded number of closed flows, oldest dropped first', () => {
    const table = createFlowTable({ maxClosed: 3 })
    for (let i = 0; i < 10; i += 1) {
      table.apply(
        [relay({ local: { address: '192.168.1.20', port: 50_000 + i }, inode: i + 1 })],
        i * 2,
      )
    }
    table.apply([], 100)
    expect(table.flows().map(f => f.local.port)).toEqual([50_007, 50_008, 50_009])
  })

  it('tells apart the owners of the same ends: by pid, else by uid', () => {
    const table = createFlowTable()
    const byUid = relay({
      pid: undefined,
      attributedBy: 'uid',
      processId: 'plex',
      processLabel: 'Plex (uid 998)',
    })
    expect(table.apply([relay(), byUid], 1_000).opened).toHaveLength(2)
  })
})
