import { describe, expect, it } from 'vitest'
import type { SwitchStatus } from '../../common/api/switch-schemas'
import type { SwitchSignature } from '../../common/evidence/switch-signatures'
import type { OutboundEvent } from '../../common/outbound/outbound-event'
import { switchCatalog } from '../../common/switches/catalog'
import type { ObservedSpan } from '../observations/state-observations'
import { judgeRequest } from './judge-requests'
import { withDebugOffNow, type LogFacts, type SettingChange } from './log-facts'
import { buildStateTimeline } from './state-timeline'
import { switchStates } from './switch-states'
import { verifySwitches } from './verify-switches'

const t = (hhmm: string): number => Date.parse(`2026-01-01T${hhmm}:00Z`)

function status(id: string, state: SwitchStatus['state'], keys: readonly string[]): SwitchStatus {
  return {
    id,
    state,
    reason: null,
    targets: keys.map(key => ({ key, label: key, value: null, defaultValue: null })),
    profiles: { 'plex-defaults': 'on', balanced: 'off', private: 'off', lockdown: 'off' },
    until: null,
  }
}

function event(hhmm: string, method: string, url: string): OutboundEvent {
  const host = new URL(url).hostname
  return {
    key: `${hhmm}${url}`,
    time: `2026-01-01T${hhmm}:00.000+00:00`,
    localTime: false,
    method,
    url,
    host,
    upstream: true,
    status: 200,
    error: null,
    service: 'test',
    category: 'other-upstream',
    policyItem: null,
    source: { file: 'Plex Media Server.log', line: 1 },
  }
}

function change(hhmm: string, values: Record<string, string>): SettingChange {
  return {
    epochMs: t(hhmm),
    iso: `2026-01-01T${hhmm}:00.000+00:00`,
    values: new Map(Object.entries(values)),
    client: '127.0.0.1',
  }
}

function facts(changes: SettingChange[], overrides: Partial<LogFacts> = {}): LogFacts {
  return {
    firstMs: t('08:00'),
    lastMs: t('12:00'),
    firstIso: '2026-01-01T08:00:00.000+00:00',
    lastIso: '2026-01-01T12:00:00.000+00:00',
    lastDebugMs: t('12:00'),
    zoneKnown: true,
    restarts: [t('08:00')],
    changes,
    blind: [],
    ...overrides,
  }
}

const crashUpload = (hhmm: string) =>
  event(hhmm, 'POST', 'https://o17675.ingest.sentry.io/api/1233455/?serverUuid=abc&userId=NOUSERID')

function verify(
  logFacts: LogFacts,
  events: OutboundEvent[],
  switches: SwitchStatus[],
  observed: Record<string, ObservedSpan[]> = {},
  debugLogging: boolean | null = true,
) {
  return verifySwitches({
    catalog: switchCatalog,
    switches,
    events,
    facts: logFacts,
    logFiles: 1,
    timeline: buildStateTimeline({ facts: logFacts, observed: new Map(Object.entries(observed)) }),
    context: { webhookHosts: ['hooks.example.net'] },
    debugLogging,
    server: { name: 'Box', machineIdentifier: 'abc', version: '1.42.2' },
    clock: {
      hushNow: '2026-01-01T12:00:00.000Z',
      serverNow: '2026-01-01T12:00:00.000Z',
      offsetMs: 0,
    },
    logNowMs: t('12:00'),
    hushVersion: '0.1.0',
    generatedAt: '2026-01-01T12:00:00.000Z',
  })
}

const crashOff = [status('crash-reports', 'off', ['pref:sendCrashReports'])]
const result = (report: ReturnType<typeof verify>, id: string) =>
  report.results.find(item => item.switchId === id)

describe('verification', () => {
  it('judges a request by the switch’s state when it was sent: before the logged change-off it is history, after it a leak', () => {
    const report = verify(
      facts([change('09:00', { 'pref:sendCrashReports': '0' })]),
      [crashUpload('08:30'), crashUpload('10:30')],
      crashOff,
    )
    expect(result(report, 'crash-reports')).toMatchObject({
      verdict: 'leaking',
      offSince: '2026-01-01T09:00:00.000Z',
      offBasis: 'server-log',
      leakCount: 1,
      countBefore: 1,
    })
  })

  it('verifies after an hour of debug log with none of its requests, counting background traffic apart', () => {
    const report = verify(
      facts([change('09:00', { 'pref:sendCrashReports': '0' })]),
      [
        crashUpload('08:30'),
        event(
          '10:00',
          'PUT',
          'https://plex.tv/devices/abc?Connection[][uri]=http://192.168.1.20:32400',
        ),
        event(
          '10:05',
          'GET',
          'https://plex.tv/api/v2/server/access_tokens?auth_token=xxxxxxxxxxxxxxxxxxxx',
        ),
      ],
      crashOff,
    )
    expect(result(report, 'crash-reports')).toMatchObject({
      verdict: 'verified',
      coveredMinutes: 180,
    })
    expect(report.background.find(b => b.flowId === 'registration')?.count).toBe(1)
    expect(report.background.find(b => b.flowId === 'account')?.count).toBe(1)
  })

  it('does not take a later write that re-sends the same agent for a new off time', () => {
    // Hush's own library writes always carry `agent=` (the server requires it): turning extras
    // off at 10:00 re-sends the local agent. Matching went off at 09:00, and 09:30 is a leak.
    const matching = [status('metadata-matching', 'off', ['library:1:agent'])]
    const report = verify(
      facts([
        change('09:00', { 'library:1:agent': 'com.plexapp.agents.none' }),
        change('10:00', {
          'library:1:agent': 'com.plexapp.agents.none',
          'library:1:pref:useExternalExtras': '0',
        }),
      ]),
      [
        event(
          '09:30',
          'POST',
          'https://metadata.provider.plex.tv/library/metadata/matches?X-Plex-Country=US&X-Plex-Language=en-US',
        ),
      ],
      matching,
    )
    expect(result(report, 'metadata-matching')).toMatchObject({
      verdict: 'leaking',
      offSince: '2026-01-01T09:00:00.000Z',
      leakCount: 1,
    })
  })

  it('takes the off time of a switch that was off before Hush ran from Hush’s first reading and the log’s silence', () => {
    // Hush first saw it off at 11:30; the log shows no change since the server started at 08:00.
    const observed = {
      'pref:sendCrashReports': [{ value: false, from: t('11:30'), to: t('12:00') }],
    }
    const quiet = verify(facts([]), [], crashOff, observed)
    expect(result(quiet, 'crash-reports')).toMatchObject({
      verdict: 'verified',
      offSince: '2026-01-01T08:00:00.000Z',
      offBasis: 'hush',
    })
    const leaked = verify(facts([]), [crashUpload('09:15')], crashOff, observed)
    expect(result(leaked, 'crash-reports')?.verdict).toBe('leaking')
  })

  it('does not vouch across a restart: settings may have been edited while the server was stopped', () => {
    const observed = {
      'pref:sendCrashReports': [{ value: false, from: t('11:50'), to: t('12:00') }],
    }
    const report = verify(
      facts([], { restarts: [t('08:00'), t('11:30')] }),
      [crashUpload('10:00')],
      crashOff,
      observed,
    )
    expect(result(report, 'crash-reports')).toMatchObject({
      verdict: 'no-evidence',
      reason: 'too-short',
      offSince: '2026-01-01T11:30:00.000Z',
      leakCount: 0,
      countBefore: 1,
    })
  })

  it('vouches only from the end of a stretch with debug logging off: a change there would not show', () => {
    const report = verify(
      facts(
        [
          change('09:00', { 'pref:sendCrashReports': '0' }),
          change('09:10', { 'pref:logDebug': '0' }),
        ],
        { blind: [{ from: t('09:10'), to: t('11:40'), why: 'debug-off' }] },
      ),
      [],
      crashOff,
      { 'pref:sendCrashReports': [{ value: false, from: t('12:00'), to: t('12:00') }] },
    )
    expect(result(report, 'crash-reports')).toMatchObject({
      verdict: 'no-evidence',
      reason: 'too-short',
      offSince: '2026-01-01T11:40:00.000Z',
      coveredMinutes: 20,
    })
  })

  it('does not carry a value read after debug logging went off, unlogged, back over the log before it', () => {
    // The log's last DEBUG line is at 10:00; the request that turned it off was never logged.
    const blindAfterTen = withDebugOffNow(facts([], { lastDebugMs: t('10:00') }), null)
    const readAtNoon = {
      'pref:sendCrashReports': [{ value: false, from: t('12:00'), to: t('12:00') }],
    }
    const report = verify(blindAfterTen, [crashUpload('09:30')], crashOff, readAtNoon, false)
    expect(result(report, 'crash-reports')).toMatchObject({
      verdict: 'no-evidence',
      reason: 'debug-off',
      offSince: '2026-01-01T12:00:00.000Z',
      leakCount: 0,
      countBefore: 1,
    })
    // Read as off at 09:50, while the log still showed every change: off for all of the log.
    const readBefore = {
      'pref:sendCrashReports': [{ value: false, from: t('09:50'), to: t('12:00') }],
    }
    expect(
      result(verify(blindAfterTen, [], crashOff, readBefore, false), 'crash-reports'),
    ).toMatchObject({
      verdict: 'verified',
      offSince: '2026-01-01T08:00:00.000Z',
      coveredMinutes: 120,
    })
  })

  it('starts the blind stretch after the last moment Hush itself read debug logging as on', () => {
    const quiet = facts([], { lastDebugMs: t('10:00') })
    expect(withDebugOffNow(quiet, t('11:00')).blind).toEqual([
      { from: t('11:00') + 1, to: null, why: 'debug-off' },
    ])
    expect(withDebugOffNow(quiet, t('09:00')).blind).toEqual([
      { from: t('10:00'), to: null, why: 'debug-off' },
    ])
    // The log said when: nothing to add.
    const said = facts([], { blind: [{ from: t('10:00'), to: null, why: 'debug-off' }] })
    expect(withDebugOffNow(said, null)).toBe(said)
  })

  it('knows an account switch only from Hush’s readings of it', () => {
    const usage = [status('usage-data', 'off', ['account:privacy:optOutPlayback'])]
    const playback = event(
      '10:30',
      'POST',
      'https://analytics.plex.tv/collect/event?event=playback%3Aitemstart',
    )
    const observed = {
      'account:privacy:optOutPlayback': [{ value: true, from: t('10:00'), to: t('12:00') }],
    }
    expect(result(verify(facts([]), [playback], usage, observed), 'usage-data')).toMatchObject({
      verdict: 'leaking',
      offSince: '2026-01-01T10:00:00.000Z',
      offBasis: 'hush',
    })
    const later = {
      'account:privacy:optOutPlayback': [{ value: true, from: t('11:30'), to: t('12:00') }],
    }
    expect(result(verify(facts([]), [playback], usage, later), 'usage-data')).toMatchObject({
      verdict: 'no-evidence',
      reason: 'too-short',
      leakCount: 0,
    })
  })

  it('says a flow the log never shows is not visible, and never verifies it', () => {
    const report = verify(
      facts([]),
      [],
      [
        status('relay', 'off', ['pref:RelayEnabled']),
        status('discovery', 'off', ['pref:GdmEnabled']),
        status('push-notifications', 'off', ['pref:PushNotificationsEnabled']),
        status('periodic-metadata-refresh', 'off', ['pref:ButlerTaskRefreshPeriodicMetadata']),
      ],
    )
    expect(report.results.map(r => [r.switchId, r.verdict, r.reason])).toEqual([
      ['relay', 'not-visible', 'separate-process'],
      ['discovery', 'not-visible', 'lan'],
      ['push-notifications', 'not-visible', 'never-logged'],
      ['periodic-metadata-refresh', 'no-evidence', 'indistinguishable'],
    ])
  })
})

describe('judging one request', () => {
  // Three switches, a, b and c, each one bool pref: `A`, `B`, `C`.
  const template = switchCatalog[0] as (typeof switchCatalog)[number]
  const catalog = ['a', 'b', 'c'].map(id => ({
    ...template,
    id,
    targets: [{ kind: 'server-pref' as const, prefId: id.toUpperCase(), on: true, off: false }],
  }))
  const twoWays: SwitchSignature = {
    id: 'test',
    hosts: ['example.invalid'],
    ref: 'ref §0',
    sentBy: [['a'], ['b', 'c']],
  }
  const judged = (values: Record<string, string>) => {
    const logFacts = facts([change('08:30', values)])
    const states = switchStates(
      catalog,
      catalog.map(entry => status(entry.id, 'off', [`pref:${entry.id.toUpperCase()}`])),
      buildStateTimeline({ facts: logFacts, observed: new Map() }),
    )
    return judgeRequest(twoWays, 'a', t('09:00'), states)
  }

  it('is explained when another way of sending it had every switch on', () => {
    expect(judged({ 'pref:A': '0', 'pref:B': '1', 'pref:C': '1' })).toEqual({ kind: 'explained' })
  })

  it('is ambiguous when every way was closed, but not all by this switch', () => {
    expect(judged({ 'pref:A': '0', 'pref:B': '0', 'pref:C': '1' })).toEqual({
      kind: 'ambiguous',
      candidates: ['a', 'b'],
    })
  })

  it('cannot be judged while a switch of an open-looking way has an unknown state', () => {
    expect(judged({ 'pref:A': '0', 'pref:B': '1' })).toEqual({ kind: 'unjudged' })
  })

  it('is a leak when every way needs this switch and it was off', () => {
    const logFacts = facts([change('08:30', { 'pref:A': '0' })])
    const states = switchStates(
      catalog,
      [status('a', 'off', ['pref:A'])],
      buildStateTimeline({ facts: logFacts, observed: new Map() }),
    )
    const only: SwitchSignature = { ...twoWays, sentBy: [['a']] }
    expect(judgeRequest(only, 'a', t('09:00'), states)).toEqual({ kind: 'leak' })
    expect(judgeRequest(only, 'a', t('08:15'), states)).toEqual({ kind: 'unjudged' })
  })
})
