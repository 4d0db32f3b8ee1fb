import { appError, type AppError } from '../../common/api/errors'
import { err, ok, type Result } from '../../common/util/result'
import { createPlexAccountClient, type PlexAccountClient } from '../account/plex-account-client'
import type { SecretStore } from '../service/ports'
import type { PlexHttpConfig } from '../server/plex-http'
import { createPlexPins, type PlexPins } from './plex-pins'
import { authLink, waitForApproval } from './sign-in'

/** Where the plex.tv account token is kept in the SecretStore (keychain, or a 0600 file). */
export const accountTokenKey = 'account:plex'

/** What the owner's plex.tv account needs from the core. */
export interface RemoteAccountDeps {
  readonly secrets: SecretStore
  /** The account service's base URL (plex.tv, or a stand-in such as the demo). */
  readonly accountUrl: () => Result<string, AppError>
  /** Hush's HTTP settings for a base URL and token (its identification headers, timeout). */
  readonly http: (baseUrl: string, token: string | null) => Promise<PlexHttpConfig>
  /** How often a wait asks plex.tv about the PIN. */
  readonly pollMs?: number
}

/** The owner's plex.tv account: sign in with a PIN, sign out, and its client. No token leaves it. */
export interface RemoteAccount {
  /** Creates a PIN; answers the page the owner approves it on and the PIN's id. */
  readonly signIn: () => Promise<Result<{ pinId: number; link: string }, AppError>>
  /**
   * Waits up to `waitMs` for the owner to approve the PIN, and keeps the token once they did;
   * `false` when they have not yet (ask again), an AppError when it expired or plex.tv failed.
   */
  readonly signInWait: (
    pinId: number,
    waitMs: number,
    signal?: AbortSignal,
  ) => Promise<Result<boolean, AppError>>
  readonly signOut: () => Promise<void>
  readonly signedIn: () => Promise<boolean>
  /** The account API with the account token, or why there is none. */
  readonly client: () => Promise<Result<PlexAccountClient, AppError>>
  readonly url: () => Result<string, AppError>
}

/** Creates the owner's plex.tv account of one core. */
export function createRemoteAccount(deps: RemoteAccountDeps): RemoteAccount {
  // The PINs this core created and still waits on: only those can be waited on.
  const pending = new Map<number, PlexPins>()
  return {
    url: deps.accountUrl,
    signIn: async () => {
      const url = deps.accountUrl()
      if (!url.ok) {
        return url
      }
      const http = await deps.http(url.value, null)
      const pins = createPlexPins(http)
      const created = await pins.create()
      if (!created.ok) {
        return created
      }
      pending.set(created.value.id, pins)
      const clientId = http.headers['X-Plex-Client-Identifier'] ?? ''
      return ok({
        pinId: created.value.id,
        link: authLink(url.value, clientId, created.value.code),
      })
    },
    signInWait: async (pinId, waitMs, signal) => {
      const pins = pending.get(pinId)
      if (pins === undefined) {
        return err(appError('signInFailed', 'Hush did not start that sign-in; start again'))
      }
      const token = await waitForApproval(pins, pinId, {
        pollMs: deps.pollMs,
        until: Date.now() + waitMs,
        signal,
      })
      if (signal?.aborted) {
        // Ctrl-C: whatever the request it cut short said, the owner gave up.
        pending.delete(pinId)
        return err(appError('signInFailed', 'sign-in cancelled; Hush is not signed in'))
      }
      if (!token.ok) {
        pending.delete(pinId)
        return token
      }
      if (token.value === null) {
        return ok(false)
      }
      pending.delete(pinId)
      await deps.secrets.set(accountTokenKey, token.value)
      return ok(true)
    },
    signOut: async () => {
      pending.clear()
      await deps.secrets.delete(accountTokenKey)
    },
    signedIn: async () => (await deps.secrets.get(accountTokenKey)) !== undefined,
    client: async () => {
      const url = deps.accountUrl()
      if (!url.ok) {
        return url
      }
      const token = await deps.secrets.get(accountTokenKey)
      if (token === undefined) {
        return err(
          appError('signInFailed', 'Hush is not signed in to plex.tv; sign in with Plex first'),
        )
      }
      return ok(createPlexAccountClient(await deps.http(url.value, token)))
    },
  }
}
