import type { AppError } from '../../common/api/errors'
import type { VerifyReport } from '../../common/api/verify-schemas'
import type { SwitchEntry } from '../../common/switches/switch-types'
import { ok, type Result } from '../../common/util/result'
import type { PlexAccountClient } from '../account/plex-account-client'
import { openStateObservations } from '../observations/state-observations'
import type { ServerInfo } from '../../common/api/server-schemas'
import type { OutboundEvent } from '../../common/outbound/outbound-event'
import { parseFiles } from '../outbound/parse-file'
import { serverLogFiles } from '../previews/server-log-files'
import type { PlexClient } from '../server/plex-client'
import { hushVersion } from '../server/plex-headers'
import type { SwitchEngine } from '../switches/switch-engine'
import { readLogFacts } from './log-facts'
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
  const debug = await deps.client.pref('logDebug')
  const webhooks = deps.account === null ? null : await deps.account.webhooks()
  const files = deps.dataDir === null ? [] : await serverLogFiles(deps.dataDir)
  const events: OutboundEvent[] = []
  await parseFiles(files, batch => events.push(...batch))
  const facts = await readLogFacts(files)
  // Readings carry the server's clock; log lines carry the same clock (read as UTC without a banner).
  const observed = await openStateObservations(deps.stateDir).spans(deps.server.machineIdentifier)
  const serverMs = clock.ok && clock.value.measured ? clock.value.serverMs : null
  return ok(
    verifySwitches({
      catalog: deps.catalog,
      switches: reading.value.board.switches,
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
      debugLogging: debug.ok ? debug.value.value === true : null,
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
      // The Date header has whole seconds: the log's newest line is a floor for "now".
      logNowMs: Math.max(serverMs ?? hushNow.getTime(), facts.lastMs ?? Number.NEGATIVE_INFINITY),
      hushVersion,
      generatedAt: hushNow.toISOString(),
    }),
  )
}
