import { describe, expect, it } from 'vitest'
import type { Verification } from '../../common/api/verify-schemas'
import { verdictNote } from '../../common/evidence/verdict-texts'
import { withConnectionWitness, type ConnectionEvidence } from './connection-witness'

const off = Date.parse('2026-12-01T14:02:00Z')
const minute = 60_000

/** A verdict as the log alone draws it. */
function fromLog(change: Partial<Verification>): Verification {
  const facts: Omit<Verification, 'note'> = {
    switchId: 'relay',
    verdict: 'not-visible',
    reason: 'separate-process',
    offSince: null,
    offBasis: null,
    coveredMinutes: null,
    lastBefore: null,
    countBefore: 0,
    leaks: [],
    leakCount: 0,
    ambiguous: [],
    ambiguousCount: 0,
    candidates: [],
    alike: [],
    ...change,
  }
  return { ...facts, note: verdictNote(facts, 'en') }
}

/** What a witness that watched from `off - 10 min` stored, with these relay connections. */
function watched(lastSeen: readonly number[], at = off + 90 * minute): ConnectionEvidence {
  return {
    scope: 'history',
    since: off - 10 * minute,
    at,
    intervalSeconds: 2,
    notices: [],
    flows: lastSeen.map(seen => ({
      processId: 'relay',
      process: 'Plex Relay',
      host: 'relay.plex.tv',
      firstSeen: new Date(off - 20 * minute).toISOString(),
      lastSeen: new Date(seen).toISOString(),
      closedAt: new Date(seen + 2_000).toISOString(),
      bytesSent: 1_200,
      bytesReceived: 3_400,
    })),
  }
}

describe('the connection witness in a verdict', () => {
  it('vouches for a flow the log cannot show, and says that the verdict rests on it', () => {
    const result = withConnectionWitness(fromLog({}), watched([off - minute]), off, 0)
    expect(result).toMatchObject({
      verdict: 'verified',
      witnesses: { restsOn: ['connections'], disagreement: null },
    })
    expect(result.witnesses?.connections).toMatchObject({ count: 0, coveredMinutes: 90 })
    expect(result.witnesses?.connections?.lastBefore?.process).toBe('Plex Relay')
    expect(result.note).toContain('connections: none since')
    expect(result.note).toContain('rests on the connections alone')
    expect(verdictNote(result, 'zh')).toContain('此结论只依据连接')
  })

  it('gives evidence with debug logging off, and names the log as blind', () => {
    const debugOff = fromLog({
      switchId: 'crash-reports',
      verdict: 'no-evidence',
      reason: 'debug-off',
      offSince: new Date(off).toISOString(),
      coveredMinutes: 0,
    })
    const evidence = watched([])
    const result = withConnectionWitness(debugOff, evidence, off, 0)
    expect(result.verdict).toBe('verified')
    expect(result.note).toMatch(/^Log: debug logging is off; connections: none since/)
  })

  it('makes a connection while off a leak and a finding, whatever the log says', () => {
    const verified = fromLog({
      switchId: 'relay',
      verdict: 'verified',
      reason: null,
      offSince: new Date(off).toISOString(),
      coveredMinutes: 90,
    })
    const result = withConnectionWitness(verified, watched([off + 30 * minute]), off, 0)
    expect(result).toMatchObject({
      verdict: 'leaking',
      witnesses: { restsOn: ['connections'], disagreement: 'connection-while-off' },
    })
    expect(result.witnesses?.connections?.count).toBe(1)
    expect(result.note).toContain('The witnesses disagree')
  })

  it('counts a connection still open as seen until now, even when no byte count moved it', () => {
    const evidence = watched([])
    const open = {
      processId: 'relay',
      process: 'Plex Relay',
      host: '203.0.113.7',
      firstSeen: new Date(off - 20 * minute).toISOString(),
      lastSeen: new Date(off - 20 * minute).toISOString(),
      closedAt: null,
      bytesSent: null,
      bytesReceived: null,
    }
    const result = withConnectionWitness(fromLog({}), { ...evidence, flows: [open] }, off, 0)
    expect(result).toMatchObject({ verdict: 'leaking', witnesses: { restsOn: ['connections'] } })
  })

  it('says so when the log shows a request and the witness saw no connection', () => {
    const leaking = fromLog({
      switchId: 'crash-reports',
      verdict: 'leaking',
      reason: null,
      offSince: new Date(off).toISOString(),
      leakCount: 1,
    })
    const result = withConnectionWitness(leaking, watched([]), off, 0)
    expect(result).toMatchObject({
      verdict: 'leaking',
      witnesses: { restsOn: ['log'], disagreement: 'log-without-connection' },
    })
  })

  it('does not vouch on a short watch, nor for a switch whose flow is no process of its own', () => {
    const short = withConnectionWitness(fromLog({}), watched([], off + 20 * minute), off, 0)
    expect(short.verdict).toBe('not-visible')
    expect(short.witnesses?.restsOn).toEqual([])
    const other = withConnectionWitness(
      fromLog({ switchId: 'metadata-matching', verdict: 'verified', reason: null }),
      watched([off + minute]),
      off,
      0,
    )
    expect(other).toMatchObject({
      verdict: 'verified',
      witnesses: { restsOn: ['log'], connections: null },
    })
  })
})
