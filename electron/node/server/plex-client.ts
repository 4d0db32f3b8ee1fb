import type * as z from 'zod'
import { appError, type AppError } from '../../common/api/errors'
import type { SettingValue } from '../../common/switches/switch-types'
import { err, ok, type Result } from '../../common/util/result'
import { parseBody } from './parse-body'
import { maxListingBytes, plexFetch, type PlexHttpConfig, type PlexRequest } from './plex-http'
import {
  agentsSchema,
  identitySchema,
  itemsSchema,
  myplexAccountSchema,
  rootSchema,
  sectionsSchema,
  sessionsSchema,
  settingsSchema,
  type PlexAgent,
  type PlexIdentity,
  type PlexItem,
  type PlexMyplexAccount,
  type PlexRoot,
  type PlexSection,
  type PlexSession,
  type PlexSetting,
} from './plex-schemas'
import { encodeSettingValue } from './plex-values'

/** A change to one library: its agent and/or some of its prefs. */
export interface SectionChange {
  /** The agent to set; when absent the current agent is re-sent (PMS requires one). */
  readonly agent?: string
  readonly prefs?: Readonly<Record<string, SettingValue>>
}

/** The server's clock against Hush's, read at one moment. */
export interface ServerClockReading {
  /**
   * The server's time (its `Date` header, at the end of its second), ms since the epoch; Hush's
   * own when it sent none.
   */
  readonly serverMs: number
  /** Hush's time when the answer arrived. */
  readonly hushMs: number
  /** Whether the server said its time (a `Date` header) or Hush assumed its own. */
  readonly measured: boolean
}

/** The Plex Media Server HTTP API, as Hush uses it. Every method resolves to a Result. */
export interface PlexClient {
  readonly baseUrl: string
  identity(): Promise<Result<PlexIdentity, AppError>>
  /** The server's clock, from the `Date` header of `/identity` (one second of resolution). */
  serverClock(): Promise<Result<ServerClockReading, AppError>>
  root(): Promise<Result<PlexRoot, AppError>>
  prefs(): Promise<Result<PlexSetting[], AppError>>
  pref(id: string): Promise<Result<PlexSetting, AppError>>
  /** One `PUT /:/prefs` with every pair in its query string. */
  setPrefs(values: Readonly<Record<string, SettingValue>>): Promise<Result<void, AppError>>
  sections(): Promise<Result<PlexSection[], AppError>>
  sectionPrefs(key: string): Promise<Result<PlexSetting[], AppError>>
  sectionItems(key: string): Promise<Result<PlexItem[], AppError>>
  /** One `PUT /library/sections/{key}?agent=…&prefs[id]=…`. */
  setSection(key: string, change: SectionChange): Promise<Result<void, AppError>>
  myplexAccount(): Promise<Result<PlexMyplexAccount, AppError>>
  agents(): Promise<Result<PlexAgent[], AppError>>
  sessions(): Promise<Result<PlexSession[], AppError>>
}

/** Creates a client for one server (base URL, token, timeout and headers injected). */
export function createPlexClient(config: PlexHttpConfig): PlexClient {
  async function get<S extends z.ZodType>(
    schema: S,
    request: PlexRequest,
  ): Promise<Result<z.output<S>, AppError>> {
    const response = await plexFetch(config, request)
    if (!response.ok) {
      return response
    }
    return decode(schema, response.value.text, response.value.contentType, request.path)
  }

  async function send(request: PlexRequest): Promise<Result<void, AppError>> {
    const response = await plexFetch(config, request)
    if (!response.ok) {
      const { kind, message, status } = response.error
      return err(
        status === 400 || status === 403 || status === 404
          ? appError('settingUnknown', message)
          : appError(kind, message),
      )
    }
    return ok(undefined)
  }

  const client: PlexClient = {
    baseUrl: config.baseUrl,
    async identity() {
      const response = await plexFetch(config, { path: '/identity', authenticated: false })
      if (!response.ok) {
        const { kind, message } = response.error
        // A web server that is not PMS answers /identity with 404, 401, a redirect page…
        return err(
          kind === 'badResponse' || kind === 'unauthorized'
            ? notPlex(config.baseUrl, message)
            : response.error,
        )
      }
      const decoded = decode(
        identitySchema,
        response.value.text,
        response.value.contentType,
        '/identity',
      )
      return decoded.ok ? decoded : err(notPlex(config.baseUrl, decoded.error.message))
    },
    async serverClock() {
      const sent = Date.now()
      const response = await plexFetch(config, { path: '/identity', authenticated: false })
      if (!response.ok) {
        return response
      }
      const arrived = Date.now()
      const hushMs = Math.round((sent + arrived) / 2)
      const date = response.value.date
      // The Date header has whole seconds: its second's last millisecond is the latest the
      // server's clock can have read, so a value Hush has just written is never stamped before
      // the server logged the write.
      return ok(
        date === null
          ? { serverMs: hushMs, hushMs, measured: false }
          : { serverMs: date + 999, hushMs, measured: true },
      )
    },
    root: () => get(rootSchema, { path: '/' }),
    prefs: () => get(settingsSchema, { path: '/:/prefs' }),
    async pref(id) {
      const settings = await get(settingsSchema, { path: '/:/prefs/get', query: [['id', id]] })
      if (!settings.ok) {
        const notFound = settings.error.message.includes('HTTP 404')
        return notFound
          ? err(appError('settingUnknown', `this server has no setting "${id}"`))
          : settings
      }
      const setting = settings.value.find(entry => entry.id === id) ?? settings.value[0]
      return setting
        ? ok(setting)
        : err(appError('settingUnknown', `this server has no setting "${id}"`))
    },
    setPrefs(values) {
      const query = Object.entries(values).map(
        ([id, value]) => [id, encodeSettingValue(value)] as const,
      )
      return send({ method: 'PUT', path: '/:/prefs', query })
    },
    sections: () => get(sectionsSchema, { path: '/library/sections' }),
    sectionPrefs: key =>
      get(settingsSchema, { path: `/library/sections/${encodeURIComponent(key)}/prefs` }),
    sectionItems: key =>
      get(itemsSchema, {
        path: `/library/sections/${encodeURIComponent(key)}/all`,
        maxBytes: maxListingBytes,
      }),
    async setSection(key, change) {
      let agent = change.agent
      if (agent === undefined) {
        const sections = await client.sections()
        if (!sections.ok) {
          return sections
        }
        agent = sections.value.find(section => section.key === key)?.agent
        if (agent === undefined) {
          return err(appError('settingUnknown', `this server has no library ${key}`))
        }
      }
      const query: Array<readonly [string, string]> = [['agent', agent]]
      for (const [id, value] of Object.entries(change.prefs ?? {})) {
        query.push([`prefs[${id}]`, encodeSettingValue(value)])
      }
      return send({ method: 'PUT', path: `/library/sections/${encodeURIComponent(key)}`, query })
    },
    myplexAccount: () => get(myplexAccountSchema, { path: '/myplex/account' }),
    agents: () => get(agentsSchema, { path: '/system/agents' }),
    sessions: () => get(sessionsSchema, { path: '/status/sessions' }),
  }
  return client
}

function notPlex(baseUrl: string, detail: string): AppError {
  return appError(
    'notPlex',
    `${baseUrl} is not a Plex Media Server (${detail.replace(/^GET \S+: /, '')})`,
  )
}

/** Parses and validates a body; a mismatch is a `badResponse` naming the endpoint. */
export function decode<S extends z.ZodType>(
  schema: S,
  text: string,
  contentType: string | null,
  path: string,
): Result<z.output<S>, AppError> {
  const body = parseBody(text, contentType)
  if (!body.ok) {
    return err(appError('badResponse', `${path}: ${body.error}`))
  }
  const parsed = schema.safeParse(body.value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue ? issue.path.join('.') : ''
    return err(
      appError(
        'badResponse',
        `${path}: unexpected response shape${where ? ` at ${where}` : ''}${issue ? ` (${issue.message})` : ''}`,
      ),
    )
  }
  return ok(parsed.data)
}
