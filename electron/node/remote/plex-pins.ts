import * as z from 'zod'
import { appError, type AppError } from '../../common/api/errors'
import { err, ok, type Result } from '../../common/util/result'
import { decode } from '../server/plex-client'
import { plexFetch, type PlexHttpConfig } from '../server/plex-http'
import { plexString } from '../server/plex-values'

const pinSchema = z
  .object({
    id: z.number(),
    code: plexString,
    authToken: plexString.nullable().optional(),
    expiresAt: plexString.optional(),
  })
  .transform(pin => ({
    id: pin.id,
    code: pin.code,
    authToken: pin.authToken === undefined || pin.authToken === '' ? null : pin.authToken,
    expiresAt: pin.expiresAt === undefined ? null : Date.parse(pin.expiresAt),
  }))

/** A sign-in PIN of plex.tv (reference §5.5). The token, once there, never leaves the core. */
export type PlexPin = z.output<typeof pinSchema>

/**
 * plex.tv's PIN endpoints: `POST /api/v2/pins?strong=true` and `GET /api/v2/pins/{id}`, with the
 * `X-Plex-Product` and `X-Plex-Client-Identifier` of this install and no token (there is none yet).
 */
export interface PlexPins {
  create(): Promise<Result<PlexPin, AppError>>
  /** The PIN now; `expired` when plex.tv no longer knows it. */
  check(id: number): Promise<Result<PlexPin | 'expired', AppError>>
}

/** The PIN client over the account API's base URL (plex.tv, or the demo standing in for it). */
export function createPlexPins(config: Omit<PlexHttpConfig, 'token'>): PlexPins {
  const http = { ...config, token: null }
  const unavailable = (error: AppError): AppError =>
    appError('accountUnavailable', `plex.tv sign-in: ${error.message}`)
  return {
    async create() {
      const response = await plexFetch(http, {
        method: 'POST',
        path: '/api/v2/pins',
        query: [['strong', 'true']],
      })
      if (!response.ok) {
        return err(unavailable(response.error))
      }
      const pin = decode(pinSchema, response.value.text, response.value.contentType, '/api/v2/pins')
      return pin.ok ? pin : err(unavailable(pin.error))
    },
    async check(id) {
      const response = await plexFetch(http, { path: `/api/v2/pins/${id}` })
      if (!response.ok) {
        return response.error.status === 404 ? ok('expired') : err(unavailable(response.error))
      }
      const pin = decode(pinSchema, response.value.text, response.value.contentType, '/api/v2/pins')
      return pin.ok ? pin : err(unavailable(pin.error))
    },
  }
}
