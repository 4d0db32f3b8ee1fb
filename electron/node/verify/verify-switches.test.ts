import { describe, expect, it } from 'vitest'
import type { SwitchStatus } from '../../common/api/switch-schemas'
import type { OutboundEvent } from '../../common/outbound/outbound-event'
import { findSwitch } from '../../common/switches/catalog'
import type { SwitchEntry } from '../../common/switches/switch-types'
import type { ChangeAnchor } from './change-anchors'
import { verifySwitches, type VerificationInput } from './verify-switches'

const crash = findSwitch('crash-reports') as SwitchEntry
const sources = findSwitch('online-media-sources') as SwitchEntry

function status(id: string, state: SwitchStatus['state'] = 'off'): SwitchStatus {
  return {
    id,
    state,
    reason: null,
    targets: [],
    profiles: { 'plex-defaults': 'on', balanced: 'off', private: 'off', lockdown: 'off' },
    until: null,
  }
}

function event(time: string, category: OutboundEvent['category']): OutboundEvent {
  return {
    key: time + category,
    time,
    localTime: false,
    method: 'GET',
    url: `https://example.invalid/${category}`,
    host: 'example.invalid',
    upstream: true,
    status: 200,
    error: null,
    service: 'test',
    category,
    policyItem: null,
    source: { file: 'Plex Media Server.log', line: 1 },
  }
}

const offAt: ChangeAnchor = {
  epochMs: Date.parse('2026-01-01T10:00:00Z'),
  iso: '2026-01-01T10:00:00.000+00:00',
  method: 'PUT',
  target: '/:/prefs?sendCrashReports=0',
}

function input(overrides: Partial<VerificationInput>): VerificationInput {
  return {
    switches: [status('crash-reports')],
    catalog: [crash, sources],
    events: [],
    anchors: [offAt],
    audit: [],
    debugLogging: true,
    now: new Date('2026-01-01T12:00:00Z'),
    ...overrides,
  }
}

describe('verifySwitches', () => {
  it('takes the moment of the change from the server’s own log of the request', () => {
    const [result] = verifySwitches(
      input({
        events: [
          event('2026-01-01T09:00:00Z', 'crash-reports'),
          event('2026-01-01T11:30:00Z', 'account'),
        ],
      }),
    ).results
    expect(result).toMatchObject({ verdict: 'verified', offSince: offAt.iso })
    expect(result?.lastBefore?.time).toBe('2026-01-01T09:00:00Z')
  })

  it('lists what was sent after the switch-off as a leak', () => {
    const [result] = verifySwitches(
      input({
        events: [
          event('2026-01-01T10:05:00Z', 'crash-reports'),
          event('2026-01-01T11:30:00Z', 'account'),
        ],
      }),
    ).results
    expect(result?.verdict).toBe('leaking')
    expect(result?.eventsSince.map(e => e.time)).toEqual(['2026-01-01T10:05:00Z'])
  })

  it('has no evidence while debug logging is off, and says how to turn it on', () => {
    const [result] = verifySwitches(input({ debugLogging: false })).results
    expect(result?.verdict).toBe('no-evidence')
    expect(result?.note).toContain('hush set debug-logging on')
  })

  it('needs an hour of log after the change before it vouches for anything', () => {
    const [result] = verifySwitches(
      input({ events: [event('2026-01-01T10:20:00Z', 'account')] }),
    ).results
    expect(result?.verdict).toBe('no-evidence')
    expect(result?.note).toContain('20 minute')
  })

  it('cannot judge an account-level switch from the server log', () => {
    const [result] = verifySwitches(input({ switches: [status('online-media-sources')] })).results
    expect(result?.verdict).toBe('no-evidence')
    expect(result?.note).toContain('account')
  })

  it('does not blame a switch for traffic another switch that is on also makes', () => {
    const trailers = findSwitch('trailers') as SwitchEntry
    const extras = findSwitch('extras') as SwitchEntry
    const [result] = verifySwitches(
      input({
        switches: [status('trailers'), status('extras', 'on')],
        catalog: [trailers, extras],
        anchors: [],
        events: [event('2026-01-01T10:05:00Z', 'trailers-extras')],
      }),
    ).results
    expect(result?.verdict).toBe('no-evidence')
    expect(result?.note).toContain(extras.title.en)
  })

  it('keeps every category of the switch that moves libraries to local agents', () => {
    const matching = findSwitch('metadata-matching') as SwitchEntry
    const refresh = findSwitch('periodic-metadata-refresh') as SwitchEntry
    const [result] = verifySwitches(
      input({
        switches: [status('metadata-matching'), status('periodic-metadata-refresh', 'on')],
        catalog: [matching, refresh],
        anchors: [{ ...offAt, target: '/library/sections/1?agent=com.plexapp.agents.none' }],
        events: [event('2026-01-01T10:05:00Z', 'metadata-matching')],
      }),
    ).results
    expect(result?.verdict).toBe('leaking')
  })

  it('says a switch with no upstream traffic has nothing to show', () => {
    const visibility = findSwitch('location-visibility') as SwitchEntry
    const [result] = verifySwitches(
      input({ switches: [status('location-visibility')], catalog: [visibility] }),
    ).results
    expect(result?.note).toContain('nothing the server sends upstream')
  })

  it('leaves out switches that are on', () => {
    expect(verifySwitches(input({ switches: [status('crash-reports', 'on')] })).results).toEqual([])
  })
})
