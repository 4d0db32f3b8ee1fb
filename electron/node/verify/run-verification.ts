import type { AppError } from '../../common/api/errors'
import type { VerifyReport } from '../../common/api/preview-schemas'
import type { OutboundEvent } from '../../common/outbound/outbound-event'
import type { SwitchEntry } from '../../common/switches/switch-types'
import { ok, type Result } from '../../common/util/result'
import { parseFiles } from '../outbound/parse-file'
import { serverLogFiles } from '../previews/server-log-files'
import type { PlexClient } from '../server/plex-client'
import type { SwitchEngine } from '../switches/switch-engine'
import type { SwitchStore } from '../switches/switch-store'
import { readChangeAnchors } from './change-anchors'
import { verifySwitches } from './verify-switches'

/** What a verification run reads. */
export interface VerificationDeps {
  readonly client: PlexClient
  readonly engine: SwitchEngine
  readonly store: SwitchStore
  readonly catalog: readonly SwitchEntry[]
  readonly serverId: string
  /** The server's data folder; without it there is no log to judge by. */
  readonly dataDir: string | null
  readonly now?: () => Date
}

/** Reads the switch states, the server's log and Hush's audit trail, and draws the verdicts. */
export async function runVerification(
  deps: VerificationDeps,
): Promise<Result<VerifyReport, AppError>> {
  const reading = await deps.engine.readSwitchStates()
  if (!reading.ok) {
    return reading
  }
  const debug = await deps.client.pref('logDebug')
  const files = deps.dataDir === null ? [] : await serverLogFiles(deps.dataDir)
  const events: OutboundEvent[] = []
  await parseFiles(files, batch => events.push(...batch))
  const audit = (await deps.store.audit()).filter(entry => entry.serverId === deps.serverId)
  return ok(
    verifySwitches({
      switches: reading.value.board.switches,
      catalog: deps.catalog,
      events,
      anchors: await readChangeAnchors(files),
      audit,
      debugLogging: debug.ok ? debug.value.value === true : null,
      now: (deps.now ?? (() => new Date()))(),
    }),
  )
}
