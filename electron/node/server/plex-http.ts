import { appError, type AppError } from '../../common/api/errors'
import { redactText, redactUrl } from '../../common/outbound/redact'
import { err, ok, type Result } from '../../common/util/result'
import { describeFetchFailure } from './fetch-failure'
import { readBodyInto, readBodyText, tooLargeReason } from './read-body'

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
  /** The most of the body to read (default maxResponseBytes). */
  readonly maxBytes?: number
  /**
   * Where a successful answer's body goes, chunk by chunk, instead of into `text` (a download such
   * as the server's log zip); an error answer is still read as text for its message.
   */
  readonly sink?: (chunk: Uint8Array) => void | Promise<void>
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
 * The most of an answer Hush reads from a server or plex.tv (SECURITY.md): API answers are a few
 * KiB to a few hundred KiB; a larger body is cut off with a `badResponse` instead of buffered.
 */
export const maxResponseBytes = 8 * 1024 * 1024

/** The cap for a library's item listing, which grows with the library (a few KiB per item). */
export const maxListingBytes = 64 * 1024 * 1024

/** Redirects followed within the server's origin before Hush gives up. */
const maxRedirects = 5

const redirectStatuses = new Set([301, 302, 303, 307, 308])

/** `scheme://host:port` of a URL, or null when it is not one. */
export function originOf(url: string): string | null {
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

/**
 * Sends one request and maps every expected failure to an AppError: unreachable, timeout, tls,
 * unauthorized (401) and badResponse (any other non-2xx status, a redirect to another origin, a
 * body over the cap). Redirects are followed by hand and only within the server's origin, so the
 * token never goes anywhere else. The timeout covers the whole exchange, body included. Messages
 * are one line and never hold the token.
 */
export async function plexFetch(
  config: PlexHttpConfig,
  request: PlexRequest,
): Promise<Result<PlexResponse, AppError & { status?: number }>> {
  let url = requestUrl(config.baseUrl, request)
  const where = scrub(`${request.method ?? 'GET'} ${redactUrl(url)}`, config.token)
  const fail = (kind: AppError['kind'], reason: string) =>
    err(appError(kind, scrub(`${where}: ${reason}`, config.token)))
  const headers: Record<string, string> = { Accept: 'application/json', ...config.headers }
  if (config.token !== null && request.authenticated !== false) {
    headers['X-Plex-Token'] = config.token
  }
  let method: string = request.method ?? 'GET'
  let body: string | undefined
  if (request.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(request.form.map(([k, v]): [string, string] => [k, v])).toString()
  }
  const origin = originOf(url)
  const timeout = AbortSignal.timeout(config.timeoutMs)
  const signal = config.signal ? AbortSignal.any([timeout, config.signal]) : timeout
  const doFetch = config.fetch ?? fetch
  const maxBytes = request.maxBytes ?? maxResponseBytes
  try {
    let response = await doFetch(url, { method, headers, body, signal, redirect: 'manual' })
    for (let hops = 0; redirectStatuses.has(response.status); hops++) {
      await response.body?.cancel().catch(() => undefined)
      const location = response.headers.get('location')
      const next = location === null ? null : new URL(location, url).toString()
      const nextOrigin = next === null ? null : originOf(next)
      if (next === null || nextOrigin === null) {
        return fail('badResponse', `HTTP ${response.status} redirect without a usable Location`)
      }
      if (nextOrigin !== origin) {
        return fail(
          'badResponse',
          `the server redirected to another origin (${nextOrigin}); Hush follows a redirect only within ${origin ?? 'the server'}, so that the token stays there`,
        )
      }
      if (hops >= maxRedirects) {
        return fail('badResponse', `more than ${maxRedirects} redirects`)
      }
      // As browsers do: 303 (and 301/302 after a POST) become a GET without a body.
      const status = response.status
      if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
        method = 'GET'
        body = undefined
      }
      url = next
      response = await doFetch(url, { method, headers, body, signal, redirect: 'manual' })
    }
    const sink = request.sink
    const streamed = sink !== undefined && response.status >= 200 && response.status < 300
    const read = streamed
      ? await readBodyInto(response, maxBytes, signal, sink).then(r => (r.ok ? ok('') : r))
      : await readBodyText(response, maxBytes, signal)
    if (!read.ok) {
      if (read.error === 'tooLarge') {
        return fail('badResponse', tooLargeReason(maxBytes))
      }
      throw new Error('aborted while reading the answer')
    }
    const text = read.value
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
      return fail('unreachable', 'cancelled')
    }
    if (timeout.aborted) {
      return fail('timeout', `no answer within ${config.timeoutMs} ms`)
    }
    const failure = describeFetchFailure(error)
    return fail(failure.kind, failure.reason)
  }
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
  return plain ? ` (${redactText(plain.slice(0, 120))})` : ''
}
