import { describe, expect, it } from 'vitest'
import type { WitnessStatus } from '../api/witness-schemas'
import { crashUploadLine, relayLine } from './relay-texts'

const watching: WitnessStatus = {
  state: 'watching',
  intervalSeconds: 2,
  since: '2026-12-01T13:50:00.000Z',
  notices: [],
  relay: null,
  crashUploads: [],
  ownCalls: [],
}
const relay = {
  process: 'Plex Relay',
  host: 'relay.plex.tv',
  firstSeen: '2026-12-01T14:02:10.000Z',
  lastSeen: '2026-12-01T15:00:00.000Z',
  closedAt: null,
  bytesSent: 1.2 * 1024 * 1024,
  bytesReceived: 3.4 * 1024 * 1024,
}

describe('the relay and crash uploads in words', () => {
  it('says the relay is open, since when, its bytes and how often it is sampled', () => {
    expect(relayLine({ ...watching, relay }, 'en', 'UTC')).toBe(
      'Relay: open since 14:02, 1.2 MB ↑ 3.4 MB ↓ — sampled every 2 s',
    )
    expect(relayLine({ ...watching, relay }, 'zh', 'UTC')).toBe(
      '中继：自 14:02 起连接中，1.2 MB ↑ 3.4 MB ↓ — 每 2 秒采样一次',
    )
  })

  it('says since when there is no relay connection: its close, else the watch start', () => {
    const closed = { ...relay, closedAt: '2026-12-01T15:10:00.000Z' }
    expect(relayLine({ ...watching, relay: closed }, 'en', 'UTC')).toBe(
      'No relay connection since 15:10 — sampled every 2 s',
    )
    expect(relayLine(watching, 'en', 'UTC')).toBe(
      'No relay connection since 13:50 — sampled every 2 s',
    )
  })

  it('says plainly why it cannot tell', () => {
    expect(relayLine({ ...watching, state: 'notLocal' }, 'en')).toMatch(/another machine/)
  })

  it('shows a crash upload with its size', () => {
    const upload = {
      ...relay,
      process: 'CrashUploader',
      bytesSent: 48 * 1024,
      closedAt: relay.lastSeen,
    }
    expect(crashUploadLine(upload, 'en', 'UTC')).toBe('Crash-report upload at 14:02: 48.0 KB ↑')
  })
})
