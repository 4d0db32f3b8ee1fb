import { appError, type AppError } from '../../common/api/errors'
import { err, ok, type Result } from '../../common/util/result'
import { describeFetchFailure } from './fetch-failure'

/** What every request to a Plex HTTP endpoint needs; injected so tests point it anywhere. */
export interface PlexHttpConfig {
  /** e.g. `http://127.0.0.1:32400`; a trailing slash is ignored. */
  readonly baseUrl: string
  /** Sent as the `X-Plex-Token` header, never in the URL. */
  readonly token: string | null
  readonly timeoutMs: number
  /** The `X-Plex-*` identification headers (see plex-headers.ts). */
  readonly headers: Readonly<Record<string, string>>
  readonly fetch?: typeof fetch
  /** Aborts every request (e.g. on Ctrl-C). */
  readonly signal?: AbortSignal
}

/** One request. `query` values are URL-encoded; `form` is sent as a form body. */
export interface PlexRequest {
  readonly method?: 'GET' | 'PUT' | 'POST' | 'DELETE'
  readonly path: string
  readonly query?: ReadonlyArray<readonly [string, string]>
  readonly form?: ReadonlyArray<readonly [string, string]>
  /** Send the token (default true; `/identity` needs none). */
  readonly authenticated?: boolean
}

/** A response that arrived with a success status. */
export interface PlexResponse {
  readonly status: number
  readonly contentType: string | null
  readonly text: string
  /** The server's `Date` header in ms since the epoch (its clock), or null when it sent none. */
  readonly date: number | null
}

/** The URL of a request, without any secret in it. */
export function requestUrl(baseUrl: string, request: PlexRequest): string {
  const base = baseUrl.replace(/\/+$/, '')
  const query = (request.query ?? [])
    .map(([key, value]) => `${encodeQueryKey(key)}=${encodeURIComponent(value)}`)
    .join('&')
  return `${base}${request.path}${query ? `?${query}` : ''}`
}

// PMS expects `prefs[useExternalExtras]=0` with literal brackets, as python-plexapi sends it.
function encodeQueryKey(key: string): string {
  return encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']')
}

/**
 * Sends one request and maps every expected failure to an AppError: unreachable, timeout, tls,
 * unauthorized (401) and badResponse (any other non-2xx status). Messages are one line and never
 * hold the token.
 */
export async function plexFetch(
  config: PlexHttpConfig,
  request: PlexRequest,
): Promise<Result<PlexResponse, AppError & { status?: number }>> {
  const url = requestUrl(config.baseUrl, request)
  const where = `${request.method ?? 'GET'} ${redactUrl(url)}`
  const headers: Record<string, string> = { Accept: 'application/json', ...config.headers }
  if (config.token !== null && request.authenticated !== false) {
    headers['X-Plex-Token'] = config.token
  }
  let body: string | undefined
  if (request.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(request.form.map(([k, v]): [string, string] => [k, v])).toString()
  }
  const timeout = AbortSignal.timeout(config.timeoutMs)
  const signal = config.signal ? AbortSignal.any([timeout, config.signal]) : timeout
  const doFetch = config.fetch ?? fetch
  try {
    const response = await doFetch(url, { method: request.method ?? 'GET', headers, body, signal })
    const text = await response.text()
    if (response.status === 401) {
      return err({
        ...appError('unauthorized', `${where}: the server refused the token (401)`),
        status: 401,
      })
    }
    if (response.status < 200 || response.status >= 300) {
      const reason = `${where}: HTTP ${response.status}${summarizeBody(text)}`
      return err({
        ...appError('badResponse', scrub(reason, config.token)),
        status: response.status,
      })
    }
    const date = Date.parse(response.headers.get('date') ?? '')
    return ok({
      status: response.status,
      contentType: response.headers.get('content-type'),
      text,
      date: Number.isNaN(date) ? null : date,
    })
  } catch (error) {
    if (config.signal?.aborted) {
      return err(appError('unreachable', `${where}: cancelled`))
    }
    if (timeout.aborted) {
      return err(appError('timeout', `${where}: no answer within ${config.timeoutMs} ms`))
    }
    const failure = describeFetchFailure(error)
    return err(appError(failure.kind, scrub(`${where}: ${failure.reason}`, config.token)))
  }
}

/** A URL fit for a message: no user info, and a token parameter (if any) masked. */
export function redactUrl(url: string): string {
  return url
    .replace(/\/\/[^/@]*@/, '//')
    .replace(/([?&]X-Plex-Token=)[^&]*/gi, '$1xxxxxxxxxxxxxxxxxxxx')
}

/** Removes the token from a text, wherever it appears. */
export function scrub(text: string, token: string | null): string {
  const line = text.replace(/\s*\n\s*/g, ' ')
  return token && token.length > 0 ? line.split(token).join('xxxxxxxxxxxxxxxxxxxx') : line
}

function summarizeBody(text: string): string {
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return plain ? ` (${plain.slice(0, 120)})` : ''
}
