import type { ConnectionSummary } from '../../common/api/witness-schemas'
import type { ConnectionFinding, Verification, Witnesses } from '../../common/api/verify-schemas'
import { verdictNote } from '../../common/evidence/verdict-texts'

/**
 * The second witness in a verdict. The log says what the server meant to send; the operating
 * system says what the Plex processes connected to. A switch whose flow is a process of its own
 * (the relay, the crash uploader) is judged by both: a connection while it was off is a leak
 * whatever the log says (and a finding when the log showed nothing), an hour watched without one
 * is evidence when the log cannot give any (debug logging off, a flow the log never shows), and a
 * logged request with no connection where the witness watched is a finding too.
 */

/** A connection the witness saw, with the process it belongs to (Hush's clock). */
export interface WitnessedFlow extends ConnectionSummary {
  readonly processId: string
}

/** What the connection witness gives a verification. */
export interface ConnectionEvidence {
  /** `history`: flows stored while a witness watched; `now`: one look at verification time. */
  readonly scope: 'history' | 'now'
  /** Since when it watched (Hush's clock, ms). */
  readonly since: number
  /** Now, on Hush's clock. */
  readonly at: number
  readonly intervalSeconds: number
  /** Connections of the processes below: for `now`, the ones open at both looks. */
  readonly flows: readonly WitnessedFlow[]
  readonly notices: readonly string[]
}

/** The switches whose flow is the connection of a Plex process of its own. */
export const switchProcesses: Readonly<
  Record<string, { readonly processId: string; readonly process: string }>
> = {
  relay: { processId: 'relay', process: 'Plex Relay' },
  'crash-reports': { processId: 'crash-uploader', process: 'CrashUploader' },
}

/** How long the witness must have watched, with no connection, to vouch (as the log's hour). */
export const watchWindowMs = 60 * 60 * 1000

/** At most this many connections are listed per switch (the count is always given). */
const listedMax = 20

const logBacked = new Set(['verified', 'leaking', 'ambiguous'])

/**
 * Adds the connection witness to a verdict drawn from the log. `offAtLogMs` is since when the
 * switch has been off on the log's clock (null: unknown), `offsetMs` the server's clock minus
 * Hush's, to place it on Hush's clock.
 */
export function withConnectionWitness(
  result: Verification,
  evidence: ConnectionEvidence | null,
  offAtLogMs: number | null,
  offsetMs: number | null,
): Verification {
  const mapping = switchProcesses[result.switchId]
  const fromLog: Witnesses = {
    restsOn: logBacked.has(result.verdict) ? ['log'] : [],
    connections: null,
    disagreement: null,
  }
  if (!mapping || !evidence) {
    return { ...result, witnesses: fromLog }
  }
  const offHush = offAtLogMs === null ? null : offAtLogMs - (offsetMs ?? 0)
  const start = Math.max(evidence.since, offHush ?? evidence.since)
  // A process may take a sample or two to drop its connection once its switch goes off.
  const grace = evidence.scope === 'now' ? 0 : 2 * evidence.intervalSeconds * 1000 + 1000
  const mine = evidence.flows.filter(f => f.processId === mapping.processId)
  // A flow still open is seen until now (its last sighting moves only when its bytes do).
  const seenUntil = (f: WitnessedFlow): number =>
    f.closedAt === null ? evidence.at : Date.parse(f.closedAt)
  const during = mine.filter(f => seenUntil(f) >= start + grace)
  const before = mine
    .filter(f => seenUntil(f) < start + grace)
    .sort((a, b) => seenUntil(b) - seenUntil(a))
  const covered = evidence.scope === 'now' ? 0 : Math.max(0, evidence.at - start)
  const finding: ConnectionFinding = {
    process: mapping.process,
    scope: evidence.scope,
    since: new Date(start).toISOString(),
    coveredMinutes: Math.floor(covered / 60_000),
    connections: during.slice(0, listedMax),
    count: during.length,
    lastBefore: before[0] ?? null,
  }
  const judged = combine(result, finding, covered)
  return { ...judged, note: verdictNote(judged, 'en') }
}

function combine(result: Verification, finding: ConnectionFinding, covered: number): Verification {
  const witnesses = (
    restsOn: Witnesses['restsOn'],
    disagreement: Witnesses['disagreement'] = null,
  ): Witnesses => ({ restsOn, connections: finding, disagreement })
  if (finding.count > 0) {
    const logSaw = result.verdict === 'leaking' || result.verdict === 'ambiguous'
    return {
      ...result,
      verdict: 'leaking',
      witnesses: witnesses(
        logSaw ? ['log', 'connections'] : ['connections'],
        logSaw ? null : 'connection-while-off',
      ),
    }
  }
  const watchedEnough = finding.scope === 'history' && covered >= watchWindowMs
  if (result.verdict === 'leaking' && finding.scope === 'history' && covered > 0) {
    // The log shows a request; the witness watched and saw no connection of its process.
    return { ...result, witnesses: witnesses(['log'], 'log-without-connection') }
  }
  if (result.verdict === 'verified') {
    return { ...result, witnesses: witnesses(watchedEnough ? ['log', 'connections'] : ['log']) }
  }
  if (watchedEnough && (result.verdict === 'no-evidence' || result.verdict === 'not-visible')) {
    // The log's reason stays: it says why the log alone could not tell (witness-texts.ts).
    return { ...result, verdict: 'verified', witnesses: witnesses(['connections']) }
  }
  return {
    ...result,
    witnesses: witnesses(logBacked.has(result.verdict) ? ['log'] : []),
  }
}
