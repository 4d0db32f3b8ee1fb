import type { AppError } from '../../common/api/errors'
import type { VerifyReport } from '../../common/api/verify-schemas'
import type { SwitchEntry } from '../../common/switches/switch-types'
import { ok, type Result } from '../../common/util/result'
import type { PlexAccountClient } from '../account/plex-account-client'
import { openStateObservations, type ObservedSpan } from '../observations/state-observations'
import type { SwitchStatus } from '../../common/api/switch-schemas'
import type { ServerInfo } from '../../common/api/server-schemas'
import type { OutboundEvent } from '../../common/outbound/outbound-event'
import { parseFiles } from '../outbound/parse/parse-file'
import { serverLogFiles } from '../previews/server-log-files'
import { debugLoggingKey } from '../switches/targets/target-adapters'
import type { PlexClient } from '../server/plex-client'
import { hushVersion } from '../../common/hush-version'
import type { SwitchEngine } from '../switches/switch-engine'
import type { ConnectionEvidence } from './connection-witness'
import { readLogFacts, withDebugOffNow } from './log-facts'
import { buildStateTimeline } from './state-timeline'
import { verifySwitches } from './verify-switches'

/** What a verification run reads. */
export interface VerificationDeps {
  readonly client: PlexClient
  readonly engine: SwitchEngine
  /** Hush's state folder, where its readings of the switches are kept. */
  readonly stateDir: string
  /** The plex.tv account, for its webhook list; null when Hush has no token for it. */
  readonly account: PlexAccountClient | null
  readonly catalog: readonly SwitchEntry[]
  readonly server: ServerInfo
  /** The server's data folder; without it there is no log to judge by. */
  readonly dataDir: string | null
  readonly now?: () => Date
  /** The connection witness's evidence (electron/node/witness/verify-evidence.ts); absent: none. */
  readonly connections?: () => Promise<ConnectionEvidence | null>
}

/**
 * Reads the switch states (which also records them as seen now), the server's clock, its log and
 * Hush's readings of the past, and draws the verdicts on the server's log clock.
 */
export async function runVerification(
  deps: VerificationDeps,
): Promise<Result<VerifyReport, AppError>> {
  const reading = await deps.engine.readSwitchStates()
  if (!reading.ok) {
    return reading
  }
  const hushNow = (deps.now ?? (() => new Date()))()
  const clock = await deps.client.serverClock()
  const webhooks = deps.account === null ? null : await deps.account.webhooks()
  const files = deps.dataDir === null ? [] : await serverLogFiles(deps.dataDir)
  const events: OutboundEvent[] = []
  await parseFiles(files, batch => events.push(...batch))
  const debug = await deps.client.pref('logDebug')
  const debugLogging = debug.ok ? debug.value.value === true : null
  const logged = await readLogFacts(files)
  const connections = (await deps.connections?.()) ?? null
  // Readings carry the server's clock; log lines carry the same clock (read as UTC without a banner).
  const serverMs = clock.ok && clock.value.measured ? clock.value.serverMs : null
  // The Date header has whole seconds: the log's newest line is a floor for "now".
  const logNowMs = Math.max(
    serverMs ?? hushNow.getTime(),
    logged.lastMs ?? Number.NEGATIVE_INFINITY,
  )
  const observed = withCurrentReadings(
    await openStateObservations(deps.stateDir).spans(deps.server.machineIdentifier),
    reading.value.switchboard.switches,
    logNowMs,
  )
  const facts = debugLogging === false ? withDebugOffNow(logged, lastSeenOn(observed)) : logged
  return ok(
    verifySwitches({
      catalog: deps.catalog,
      switches: reading.value.switchboard.switches,
      events,
      facts,
      logFiles: files.length,
      timeline: buildStateTimeline({ facts, observed }),
      context: {
        webhookHosts:
          webhooks === null || !webhooks.ok
            ? null
            : webhooks.value.flatMap(url => {
                try {
                  return [new URL(url).hostname.toLowerCase()]
                } catch {
                  return []
                }
              }),
      },
      debugLogging,
      server: {
        name: deps.server.friendlyName,
        machineIdentifier: deps.server.machineIdentifier,
        version: deps.server.version,
      },
      clock: {
        hushNow: hushNow.toISOString(),
        serverNow: serverMs === null ? null : new Date(serverMs).toISOString(),
        offsetMs: serverMs === null ? null : serverMs - (clock.ok ? clock.value.hushMs : 0),
      },
      logNowMs,
      hushVersion,
      generatedAt: hushNow.toISOString(),
      connections,
    }),
  )
}

/**
 * The readings just taken hold until now: a run of readings that ends with the value Hush has
 * just read is stretched to `now` (the reading's own stamp may fall a moment before the log's
 * newest line, its clock having whole seconds).
 */
function withCurrentReadings(
  observed: ReadonlyMap<string, readonly ObservedSpan[]>,
  switches: readonly SwitchStatus[],
  now: number,
): Map<string, readonly ObservedSpan[]> {
  const result = new Map(observed)
  for (const target of switches.flatMap(status => status.targets)) {
    const spans = result.get(target.key) ?? []
    const last = spans.at(-1)
    if (last !== undefined && last.value === target.value && last.to < now) {
      result.set(target.key, [...spans.slice(0, -1), { ...last, to: now }])
    }
  }
  return result
}

/** The last moment Hush read the server's debug logging as on (null: never). */
function lastSeenOn(observed: ReadonlyMap<string, readonly ObservedSpan[]>): number | null {
  const on = (observed.get(debugLoggingKey) ?? []).filter(span => span.value === true)
  return on.length === 0 ? null : Math.max(...on.map(span => span.to))
}
