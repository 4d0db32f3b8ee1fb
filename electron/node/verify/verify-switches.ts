import type { OutboundEventView } from '../../common/api/log-schemas'
import type { SwitchStatus } from '../../common/api/switch-schemas'
import type { BackgroundSummary, Verification, VerifyReport } from '../../common/api/verify-schemas'
import { signaturesOf } from '../../common/evidence/attribute-request'
import { backgroundFlows } from '../../common/evidence/background-flows'
import type { SignatureContext } from '../../common/evidence/request-signature'
import { verdictNote } from '../../common/evidence/verdict-texts'
import type { OutboundEvent } from '../../common/outbound/outbound-event'
import type { SwitchEntry } from '../../common/switches/switch-types'
import { withConnectionWitness, type ConnectionEvidence } from './connection-witness'
import { attributeEvents, judgeRequest, type AttributedEvent } from './judge-requests'
import type { LogFacts } from './log-facts'
import type { StateTimeline } from './state-timeline'
import { switchStates, type SwitchStates } from './switch-states'

/** How much debug log after a switch-off Hush needs before it vouches that nothing was sent. */
export const evidenceWindowMs = 60 * 60 * 1000

/** At most this many requests are listed per switch and kind (the counts are always given). */
export const listedMax = 200

/** Everything the verdicts are drawn from; every time is on the server's log clock. */
export interface VerificationInput {
  readonly catalog: readonly SwitchEntry[]
  readonly switches: readonly SwitchStatus[]
  /** The server's outbound events, oldest first. */
  readonly events: readonly OutboundEvent[]
  readonly facts: LogFacts
  readonly logFiles: number
  readonly timeline: StateTimeline
  readonly context: SignatureContext
  /** Whether the server's debug logging is on now (null: unknown). */
  readonly debugLogging: boolean | null
  readonly server: VerifyReport['server']
  readonly clock: VerifyReport['clock']
  /** Now, on the log's clock (epoch ms). */
  readonly logNowMs: number
  readonly hushVersion: string
  readonly generatedAt: string
  /** The connection witness (connection-witness.ts); null when Hush cannot watch this server. */
  readonly connections?: ConnectionEvidence | null
}

function toView(item: AttributedEvent): OutboundEventView {
  const event = item.event
  return {
    id: item.index,
    time: event.time,
    method: event.method,
    url: event.url,
    host: event.host,
    upstream: event.upstream,
    status: event.status,
    error: event.error,
    service: event.service,
    category: event.category,
    policyItem: event.policyItem,
    source: { file: event.source.file, line: event.source.line },
  }
}

/** Milliseconds of [from, to] not covered by a blind span. */
function coveredMs(facts: LogFacts, from: number, to: number): number {
  let covered = Math.max(0, to - from)
  for (const span of facts.blind) {
    const start = Math.max(from, span.from)
    const end = Math.min(to, span.to ?? to)
    covered -= Math.max(0, end - start)
  }
  return Math.max(0, covered)
}

const emptyResult: Omit<Verification, 'note' | 'switchId' | 'verdict'> = {
  reason: null,
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
}

function withNote(result: Omit<Verification, 'note'>): Verification {
  return { ...result, note: verdictNote(result, 'en') }
}

function verifyOne(
  entry: SwitchEntry,
  input: VerificationInput,
  states: SwitchStates,
  attributed: readonly AttributedEvent[],
): Verification {
  const switchId = entry.id
  const evidence = entry.evidence
  if (evidence.kind === 'not-visible') {
    return withNote({ ...emptyResult, switchId, verdict: 'not-visible', reason: evidence.why })
  }
  if (evidence.kind === 'unknown-shape') {
    return withNote({ ...emptyResult, switchId, verdict: 'no-evidence', reason: 'unknown-shape' })
  }
  if (evidence.kind === 'indistinguishable') {
    return withNote({
      ...emptyResult,
      switchId,
      verdict: 'no-evidence',
      reason: 'indistinguishable',
      alike: [...evidence.from],
    })
  }
  const facts = input.facts
  if (input.logFiles === 0 || facts.firstMs === null) {
    return withNote({ ...emptyResult, switchId, verdict: 'no-evidence', reason: 'no-log' })
  }
  const signatures = new Set(signaturesOf(switchId))
  if (
    [...signatures].some(s => s.hosts.includes('@webhooks')) &&
    input.context.webhookHosts === null
  ) {
    return withNote({
      ...emptyResult,
      switchId,
      verdict: 'no-evidence',
      reason: 'webhooks-unknown',
    })
  }
  const off = states.offSince(switchId, input.logNowMs)
  if (off === null) {
    return withNote({
      ...emptyResult,
      switchId,
      verdict: 'no-evidence',
      reason: 'off-time-unknown',
    })
  }
  const own = attributed.filter(
    item => item.attribution.kind === 'switch' && signatures.has(item.attribution.signature),
  )
  const before = own.filter(item => item.at < off.at)
  const leaks: AttributedEvent[] = []
  const ambiguous: AttributedEvent[] = []
  const candidates = new Set<string>()
  let unjudged = 0
  for (const item of own) {
    if (item.at < off.at || item.attribution.kind !== 'switch') {
      continue
    }
    const judged = judgeRequest(item.attribution.signature, switchId, item.at, states)
    if (judged.kind === 'leak') {
      leaks.push(item)
    } else if (judged.kind === 'ambiguous') {
      ambiguous.push(item)
      judged.candidates.forEach(id => candidates.add(id))
    } else if (judged.kind === 'unjudged') {
      unjudged++
    }
  }
  const end =
    input.debugLogging === false ? (facts.lastDebugMs ?? off.at) : (facts.lastMs ?? off.at)
  const covered = coveredMs(facts, off.at, end)
  const base = {
    ...emptyResult,
    switchId,
    offSince: new Date(off.at).toISOString(),
    offBasis: off.basis,
    coveredMinutes: Math.floor(covered / 60_000),
    lastBefore: before.length > 0 ? toView(before.at(-1) as AttributedEvent) : null,
    countBefore: before.length,
    leaks: leaks.slice(0, listedMax).map(toView),
    leakCount: leaks.length,
    ambiguous: ambiguous.slice(0, listedMax).map(toView),
    ambiguousCount: ambiguous.length,
    candidates: [...candidates],
  }
  if (leaks.length > 0) {
    return withNote({ ...base, verdict: 'leaking' })
  }
  if (ambiguous.length > 0) {
    return withNote({ ...base, verdict: 'ambiguous' })
  }
  if (unjudged > 0) {
    return withNote({ ...base, verdict: 'no-evidence', reason: 'state-unknown' })
  }
  if (covered < evidenceWindowMs) {
    const reason = input.debugLogging === false ? 'debug-off' : 'too-short'
    return withNote({ ...base, verdict: 'no-evidence', reason })
  }
  return withNote({ ...base, verdict: 'verified' })
}

function summarizeBackground(attributed: readonly AttributedEvent[]): BackgroundSummary[] {
  return backgroundFlows.map(flow => {
    const mine = attributed.filter(
      item => item.attribution.kind === 'background' && item.attribution.flow.id === flow.id,
    )
    const latest = mine.at(-1)
    return { flowId: flow.id, count: mine.length, latest: latest ? toView(latest) : null }
  })
}

function summarizeOther(attributed: readonly AttributedEvent[]): VerifyReport['other'] {
  const hosts = new Map<string, number>()
  for (const item of attributed) {
    if (item.attribution.kind === 'other' && item.event.upstream) {
      hosts.set(item.event.host, (hosts.get(item.event.host) ?? 0) + 1)
    }
  }
  return {
    count: [...hosts.values()].reduce((sum, n) => sum + n, 0),
    hosts: [...hosts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([host]) => host),
  }
}

/**
 * For each switch that is off: since when (the server's log of the change, else what Hush saw
 * and the log's silence since), the requests of its signatures since then, each judged by every
 * switch's state at the moment it was sent, and the verdict. Background traffic is counted apart
 * and is never evidence against a switch.
 */
export function verifySwitches(input: VerificationInput): VerifyReport {
  const entries = new Map(input.catalog.map(entry => [entry.id, entry]))
  const states = switchStates(input.catalog, input.switches, input.timeline)
  const attributed = attributeEvents(input.events, input.context)
  const connections = input.connections ?? null
  const results = input.switches
    .filter(status => status.state === 'off')
    .flatMap(status => {
      const entry = entries.get(status.id)
      if (!entry) {
        return []
      }
      const fromLog = verifyOne(entry, input, states, attributed)
      const off = states.offSince(entry.id, input.logNowMs)
      return [withConnectionWitness(fromLog, connections, off?.at ?? null, input.clock.offsetMs)]
    })
  return {
    generatedAt: input.generatedAt,
    hushVersion: input.hushVersion,
    debugLogging: input.debugLogging,
    server: input.server,
    log: {
      from: input.facts.firstIso,
      to: input.facts.lastIso,
      files: input.logFiles,
      zoneKnown: input.facts.zoneKnown,
    },
    clock: input.clock,
    results,
    connectionWitness:
      connections === null
        ? null
        : {
            scope: connections.scope,
            since: new Date(connections.since).toISOString(),
            intervalSeconds: connections.intervalSeconds,
            notices: [...connections.notices],
          },
    background: summarizeBackground(attributed),
    other: summarizeOther(attributed),
  }
}
