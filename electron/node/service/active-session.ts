import type { AppError } from '../../common/api/errors'
import type { Language } from '../../common/i18n/localized-text'
import { switchCatalog } from '../../common/switches/catalog'
import { ok, type Result } from '../../common/util/result'
import { createPlexAccountClient, type PlexAccountClient } from '../account/plex-account-client'
import { createSwitchEngine, type SwitchEngine } from '../switches/switch-engine'
import { openSwitchStore, type SwitchStore } from '../switches/switch-store'
import { readingsRecorder } from '../observations/record-readings'
import { openStateObservations } from '../observations/state-observations'
import type { ActiveServer, ServerService } from './server-connections'

/** The active server with everything the core uses on it. */
export interface ActiveBoard {
  readonly server: ActiveServer
  readonly engine: SwitchEngine
  readonly store: SwitchStore
  readonly account: PlexAccountClient | null
  /** Hush's state folder. */
  readonly stateDir: string
}

/** Builds (and caches per connection) the switch engine of the active server. */
export function createActiveBoard(
  servers: ServerService,
  stateDir: string,
  accountUrlFor: (server: ActiveServer) => string,
  language: () => Language,
): () => Result<ActiveBoard, AppError> {
  let cached: (ActiveBoard & { readonly language: Language }) | undefined
  return () => {
    const active = servers.active()
    if (!active.ok) {
      return active
    }
    if (cached?.server === active.value && cached.language === language()) {
      return ok(cached)
    }
    const { connection } = active.value
    const account =
      connection.http.token === null
        ? null
        : createPlexAccountClient({ ...connection.http, baseUrl: accountUrlFor(active.value) })
    const store = openSwitchStore(stateDir)
    cached = {
      language: language(),
      server: active.value,
      store,
      account,
      stateDir,
      engine: createSwitchEngine({
        client: connection.client,
        account,
        catalog: switchCatalog,
        store,
        server: connection.info,
        language: language(),
        recordReadings: readingsRecorder(
          openStateObservations(stateDir),
          connection.client,
          connection.info.machineIdentifier,
        ),
      }),
    }
    return ok(cached)
  }
}
