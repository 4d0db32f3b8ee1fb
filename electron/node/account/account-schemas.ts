import * as z from 'zod'
import { plexBool, plexList, plexString } from '../server/plex-values'

const optionalString = plexString.optional()

/** Unwraps `{ <name>: {…} }` (plex.tv XML roots) so that JSON and XML bodies share one schema. */
function unwrap(name: string, raw: unknown): unknown {
  if (typeof raw === 'object' && raw !== null && name in raw) {
    return (raw as Record<string, unknown>)[name]
  }
  return raw
}

/** `GET /api/v2/user` (JSON object, or XML `<user …>`); secrets such as `authToken` are dropped. */
export const accountUserSchema = z
  .preprocess(
    raw => unwrap('user', raw),
    z.object({ uuid: plexString, username: optionalString, email: optionalString }),
  )
  .transform(user => ({
    uuid: user.uuid,
    username: user.username ?? null,
    email: user.email ?? null,
  }))

/** The signed-in plex.tv account, without its token. */
export type AccountUser = z.output<typeof accountUserSchema>

/** `GET /api/v2/user/privacy` (JSON, or XML `<privacy optOutPlayback="1" …>`). */
export const accountPrivacySchema = z.preprocess(
  raw => unwrap('privacy', raw),
  z.object({ optOutPlayback: plexBool, optOutLibraryStats: plexBool }),
)

/** The two account privacy opt-outs (true = opted out). */
export type AccountPrivacy = z.output<typeof accountPrivacySchema>

const optOutSchema = z.object({ key: plexString, value: plexString })

/** `GET /api/v2/user/{uuid}/settings/opt_outs`: a JSON list, or XML `<optOuts><optOut key value/>…`. */
export const accountOptOutsSchema = z
  .union([
    z.array(optOutSchema),
    z.object({ optOuts: z.object({ optOut: plexList(optOutSchema).optional() }) }),
    z.object({ MediaContainer: z.object({ optOut: plexList(optOutSchema).optional() }) }),
  ])
  .transform(body => {
    const list = Array.isArray(body)
      ? body
      : 'optOuts' in body
        ? (body.optOuts.optOut ?? [])
        : (body.MediaContainer.optOut ?? [])
    return Object.fromEntries(list.map(entry => [entry.key, entry.value]))
  })

const webhookSchema = z.object({ url: plexString })

/** `GET /api/v2/user/webhooks`: a JSON list of `{url}`, or XML `<webhooks><webhook url/>…` (reference §5.4). */
export const accountWebhooksSchema = z
  .union([
    z.array(webhookSchema),
    z.object({ webhooks: z.object({ webhook: plexList(webhookSchema).optional() }) }),
  ])
  .transform(body => (Array.isArray(body) ? body : (body.webhooks.webhook ?? [])).map(w => w.url))

/** `GET /api/v2/user/view_state_sync`: `{"consent": true|false}`. */
export const viewStateSyncSchema = z
  .union([
    z.object({ consent: plexBool }),
    z.object({ viewStateSync: z.object({ consent: plexBool }) }),
  ])
  .transform(body => ('consent' in body ? body.consent : body.viewStateSync.consent))

const connectionSchema = z.object({
  protocol: optionalString,
  address: optionalString,
  port: z.union([z.number(), z.string()]).optional(),
  uri: plexString,
  local: plexBool.optional(),
  relay: plexBool.optional(),
})

const resourceFields = {
  name: plexString,
  product: optionalString,
  productVersion: optionalString,
  clientIdentifier: plexString,
  provides: optionalString,
  publicAddress: optionalString,
  relay: plexBool.optional(),
  presence: plexBool.optional(),
  owned: plexBool.optional(),
  httpsRequired: plexBool.optional(),
}

const resourceSchema = z
  .object({
    ...resourceFields,
    connections: plexList(connectionSchema).optional(),
    Connection: plexList(connectionSchema).optional(),
  })
  .transform(resource => ({
    name: resource.name,
    product: resource.product ?? null,
    productVersion: resource.productVersion ?? null,
    clientIdentifier: resource.clientIdentifier,
    provides: resource.provides ?? null,
    publicAddress: resource.publicAddress ?? null,
    relay: resource.relay ?? false,
    presence: resource.presence ?? false,
    owned: resource.owned ?? false,
    httpsRequired: resource.httpsRequired ?? false,
    connections: (resource.connections ?? resource.Connection ?? []).map(connection => ({
      uri: connection.uri,
      protocol: connection.protocol ?? null,
      address: connection.address ?? null,
      local: connection.local ?? false,
      relay: connection.relay ?? false,
    })),
  }))

/**
 * `GET /api/v2/resources` (JSON array) or the legacy `GET /api/resources` XML
 * (`<MediaContainer><Device …><Connection …/>`). The servers' access tokens are dropped here:
 * `accountServerTokensSchema` reads them, for the one caller that connects with them.
 */
export const accountResourcesSchema = z
  .union([
    z.array(resourceSchema),
    z.object({ MediaContainer: z.object({ Device: plexList(resourceSchema).optional() }) }),
  ])
  .transform(body => (Array.isArray(body) ? body : (body.MediaContainer.Device ?? [])))

/** One device or server linked to the account. */
export type AccountResource = z.output<typeof accountResourcesSchema>[number]

const tokenSchema = z.object({ clientIdentifier: plexString, accessToken: optionalString })

/**
 * The same resources, reduced to each device's access token by its client identifier: what the
 * core needs to connect to a server on another machine. Kept apart from `accountResourcesSchema`
 * so that no list of resources (a preview, a picker) can carry a token by accident.
 */
export const accountServerTokensSchema = z
  .union([
    z.array(tokenSchema),
    z.object({ MediaContainer: z.object({ Device: plexList(tokenSchema).optional() }) }),
  ])
  .transform(body => {
    const devices = Array.isArray(body) ? body : (body.MediaContainer.Device ?? [])
    return new Map(
      devices.flatMap(device =>
        device.accessToken ? [[device.clientIdentifier, device.accessToken] as const] : [],
      ),
    )
  })
