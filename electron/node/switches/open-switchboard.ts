import type { AppError } from '../../common/api/errors'
import { switchCatalog } from '../../common/switches/catalog'
import type { SwitchEntry } from '../../common/switches/switch-types'
import { ok, type Result } from '../../common/util/result'
import {
  createPlexAccountClient,
  defaultAccountUrl,
  type PlexAccountClient,
} from '../account/plex-account-client'
import { connectionRequestFrom, type OptionValues } from '../server/connection-request'
import { serverOrigin } from '../server/server-url'
import {
  resolveConnection,
  type Connection,
  type ConnectionRequest,
} from '../server/resolve-connection'
import { createSwitchEngine, type SwitchEngine } from './switch-engine'
import { recoverInterruptedApply } from './recover-journal'
import { openSwitchStore, type SwitchStore } from './switch-store'
import { readingsRecorder } from '../observations/record-readings'
import { openStateObservations } from '../observations/state-observations'

/** A connection request plus where the plex.tv account API is. */
export interface SwitchboardRequest extends ConnectionRequest {
  /** `--account-url` (else `HUSH_ACCOUNT_URL`, else https://plex.tv). */
  readonly accountUrl?: string
  readonly catalog?: readonly SwitchEntry[]
}

/** A connected server with its switch engine and Hush's switchboard files. */
export interface OpenSwitchboard {
  readonly connection: Connection
  readonly engine: SwitchEngine
  readonly store: SwitchStore
  /** The plex.tv account API, or null when there is no token to ask it with. */
  readonly account: PlexAccountClient | null
  /**
   * One line per thing the owner should know on opening: an apply that was interrupted (see
   * recover-journal.ts), a timed exception that ended and was undone (see `--for`).
   */
  readonly notes: readonly string[]
  /** Hush's state folder. */
  readonly stateDir: string
}

/**
 * Connects (validating the server as every command does) and opens the switch engine. The
 * account client uses the same token: the owner's token is also the plex.tv account token.
 */
export async function openSwitchboard(
  request: SwitchboardRequest,
): Promise<Result<OpenSwitchboard, AppError>> {
  const connection = await resolveConnection(request)
  if (!connection.ok) {
    return connection
  }
  const { client, http, info } = connection.value
  const accountUrl = serverOrigin(
    request.accountUrl ?? request.env.HUSH_ACCOUNT_URL ?? defaultAccountUrl,
    'the account address (--account-url)',
  )
  if (!accountUrl.ok) {
    return accountUrl
  }
  const account =
    http.token === null ? null : createPlexAccountClient({ ...http, baseUrl: accountUrl.value })
  const store = openSwitchStore(request.stateDir)
  const engine = createSwitchEngine({
    client,
    account,
    catalog: request.catalog ?? switchCatalog,
    store,
    server: info,
    recordReadings: readingsRecorder(
      openStateObservations(request.stateDir),
      client,
      info.machineIdentifier,
    ),
  })
  const interrupted = await recoverInterruptedApply(store)
  // A timed exception (`hush set … --for 2h`) ends at the first use of Hush after its time.
  const notes = (await engine.revertExpired()).map(report =>
    report.ok
      ? report.value.message
      : `a timed change could not be undone: ${report.error.message}`,
  )
  if (interrupted !== null) {
    notes.unshift(interrupted)
  }
  return ok({
    connection: connection.value,
    engine,
    store,
    account,
    notes,
    stateDir: request.stateDir,
  })
}

/** A SwitchboardRequest from the common command-line options (see connectionRequestFrom). */
export function switchboardRequestFrom(
  options: OptionValues,
  env: Readonly<Record<string, string | undefined>>,
  extras: { readonly timeoutMs?: number; readonly signal?: AbortSignal } = {},
): SwitchboardRequest {
  const accountUrl = options['account-url']
  return {
    ...connectionRequestFrom(options, env, extras),
    accountUrl: typeof accountUrl === 'string' && accountUrl !== '' ? accountUrl : undefined,
  }
}
