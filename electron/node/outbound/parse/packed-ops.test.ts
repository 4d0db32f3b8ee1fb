import { describe, expect, it } from 'vitest'
import type { OutboundEvent } from '../../../common/outbound/outbound-event'
import type { ParseOp } from './log-parser'
import { OpPacker, PackedTargets, packOps, targetWidth, unpackOps } from './packed-ops'

const event: OutboundEvent = {
  key: '0123456789abcdef',
  time: '2025-01-01T01:00:02.000+01:00',
  localTime: false,
  method: 'GET',
  url: 'https://plex.tv/api/v2/user?X-Plex-Token=REDACTED',
  host: 'plex.tv',
  upstream: true,
  status: null,
  error: null,
  service: 'plex.tv account',
  category: 'account',
  policyItem: 'collect-1',
  source: { file: 'Plex Media Server.log', line: 7 },
}

describe('packed parse ops', () => {
  it('come back exactly as they went in, events and answers in order', () => {
    const ops: ParseOp[] = [
      { op: 'event', event },
      {
        op: 'event',
        event: {
          ...event,
          key: 'fedcba9876543210',
          time: '2025-01-01T01:00:03',
          localTime: true,
          status: 503,
          error: 'timeout\twith a tab\nand a newline',
          policyItem: null,
          upstream: false,
          source: { file: 'Plex Media Server.1.log', line: 2_000_000 },
        },
      },
      { op: 'answer', key: '0123456789abcdef', status: 200, error: null },
      { op: 'answer', key: '0123456789abcdef', status: null, error: '(28) timed out' },
    ]
    const packed = packOps(ops)
    expect(unpackOps(packed)).toEqual(ops)
    // Two events sent to different targets (one is not upstream): two targets, each listed once.
    expect(packed.targets.length / targetWidth).toBe(2)
    expect(packOps([ops[0] as ParseOp, ops[0] as ParseOp]).targets.length / targetWidth).toBe(1)
  })

  it('carry an empty batch', () => {
    expect(unpackOps(packOps([]))).toEqual([])
  })

  it('define each target once along a stream of pieces', () => {
    const packer = new OpPacker()
    const first: ParseOp[] = [{ op: 'event', event }]
    const second: ParseOp[] = [
      { op: 'event', event: { ...event, key: 'fedcba9876543210', status: 200 } },
      { op: 'event', event: { ...event, url: 'https://plex.tv/api/v2/ping', key: '1' } },
    ]
    const a = packer.pack(first)
    const b = packer.pack(second)
    expect([a.firstTarget, a.targets.length / targetWidth]).toEqual([0, 1])
    // The second piece reuses target 0 and defines only the new URL, as target 1.
    expect([b.firstTarget, b.targets.length / targetWidth]).toEqual([1, 1])
    expect(b.strings).not.toContain(event.url)
    const targets = new PackedTargets()
    expect([...unpackOps(a, targets), ...unpackOps(b, targets)]).toEqual([...first, ...second])
    expect(() => unpackOps(b)).toThrow('packed target 0 used before it was defined')
  })
})
