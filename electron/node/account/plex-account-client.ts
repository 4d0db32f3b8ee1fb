import type * as z from 'zod'
import { appError, type AppError } from '../../common/api/errors'
import { err, ok, type Result } from '../../common/util/result'
import { decode } from '../server/plex-client'
import { plexFetch, type PlexHttpConfig, type PlexRequest } from '../server/plex-http'
import {
  accountOptOutsSchema,
  accountPrivacySchema,
  accountResourcesSchema,
  accountServerTokensSchema,
  accountUserSchema,
  accountWebhooksSchema,
  viewStateSyncSchema,
  type AccountPrivacy,
  type AccountResource,
  type AccountUser,
} from './account-schemas'

/** plex.tv, unless `--account-url` points elsewhere (the demo server serves the same paths). */
export const defaultAccountUrl = 'https://plex.tv'

/** An online media source opt-out value (reference §5.2). */
export type OptOutValue = 'opt_in' | 'opt_out' | 'opt_out_managed'

/**
 * The plex.tv account API for the account-level switches (reference §5). Every failure is an
 * AppError of kind `accountUnavailable` (plex.tv unreachable, slow, or refusing) with the reason.
 */
export interface PlexAccountClient {
  readonly baseUrl: string
  user(): Promise<Result<AccountUser, AppError>>
  privacy(): Promise<Result<AccountPrivacy, AppError>>
  /** One `PUT /api/v2/user/privacy` with a form body; plex.tv answers 204. */
  setPrivacy(change: Partial<AccountPrivacy>): Promise<Result<void, AppError>>
  optOuts(uuid: string): Promise<Result<Record<string, string>, AppError>>
  setOptOut(uuid: string, key: string, value: OptOutValue): Promise<Result<void, AppError>>
  viewStateSync(): Promise<Result<boolean, AppError>>
  setViewStateSync(consent: boolean): Promise<Result<void, AppError>>
  resources(): Promise<Result<AccountResource[], AppError>>
  /** Each linked device's access token by client identifier; only for connecting, never shown. */
  serverTokens(): Promise<Result<ReadonlyMap<string, string>, AppError>>
  /** The account's webhook URLs (reference §5.4). */
  webhooks(): Promise<Result<string[], AppError>>
}

const resourcesRequest: PlexRequest = {
  path: '/api/v2/resources',
  query: [
    ['includeHttps', '1'],
    ['includeRelay', '1'],
  ],
}

/** Creates the account client (base URL, account token, timeout and headers injected). */
export function createPlexAccountClient(config: PlexHttpConfig): PlexAccountClient {
  const unavailable = (error: AppError): AppError =>
    appError('accountUnavailable', `plex.tv account: ${error.message}`)

  async function get<S extends z.ZodType>(
    schema: S,
    request: PlexRequest,
  ): Promise<Result<z.output<S>, AppError>> {
    const response = await plexFetch(config, request)
    if (!response.ok) {
      return err(unavailable(response.error))
    }
    const decoded = decode(schema, response.value.text, response.value.contentType, request.path)
    return decoded.ok ? decoded : err(unavailable(decoded.error))
  }

  async function send(request: PlexRequest): Promise<Result<void, AppError>> {
    const response = await plexFetch(config, request)
    return response.ok ? ok(undefined) : err(unavailable(response.error))
  }

  const flag = (value: boolean) => (value ? '1' : '0')

  return {
    baseUrl: config.baseUrl,
    user: () => get(accountUserSchema, { path: '/api/v2/user' }),
    privacy: () => get(accountPrivacySchema, { path: '/api/v2/user/privacy' }),
    setPrivacy(change) {
      const form: Array<readonly [string, string]> = []
      if (change.optOutPlayback !== undefined) {
        form.push(['optOutPlayback', flag(change.optOutPlayback)])
      }
      if (change.optOutLibraryStats !== undefined) {
        form.push(['optOutLibraryStats', flag(change.optOutLibraryStats)])
      }
      return send({ method: 'PUT', path: '/api/v2/user/privacy', form })
    },
    optOuts: uuid =>
      get(accountOptOutsSchema, {
        path: `/api/v2/user/${encodeURIComponent(uuid)}/settings/opt_outs`,
      }),
    setOptOut: (uuid, key, value) =>
      send({
        method: 'POST',
        path: `/api/v2/user/${encodeURIComponent(uuid)}/settings/opt_outs`,
        query: [
          ['key', key],
          ['value', value],
        ],
      }),
    viewStateSync: () => get(viewStateSyncSchema, { path: '/api/v2/user/view_state_sync' }),
    setViewStateSync: consent =>
      send({
        method: 'PUT',
        path: '/api/v2/user/view_state_sync',
        query: [['consent', String(consent)]],
      }),
    webhooks: () => get(accountWebhooksSchema, { path: '/api/v2/user/webhooks' }),
    resources: () => get(accountResourcesSchema, resourcesRequest),
    serverTokens: () => get(accountServerTokensSchema, resourcesRequest),
  }
}
