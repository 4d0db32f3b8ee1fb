import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { apiMethods, type ApiEvents, type ApiMethod, type PrivacyApi } from '../common/api/contract'
import { invalidInputMessage } from '../common/api/errors'
import type { EventHub } from '../common/util/event-hub'
import {
  allowedHostValues,
  isAllowedOrigin,
  isLoopbackHost,
  readCookie,
  securityHeaders,
} from './http-security'
import { readStaticFile } from '../node/files/read-static-file'
import { environmentMessage } from '../node/files/system-error'
import { createWebSessions, randomSecret, type WebSession } from './web-sessions'

/** How to serve the dashboard and the HTTP bridge. */
export interface ServeHttpOptions {
  readonly api: PrivacyApi
  readonly events: EventHub<ApiEvents>
  /** The renderer's build folder; without it only the API is served. */
  readonly staticDir?: string
  readonly host?: string
  readonly port?: number
  /** Extra names the Host header may carry (LAN mode). */
  readonly allowedHosts?: readonly string[]
  /** Required when binding anything but loopback: the secret a browser signs in with. */
  readonly password?: string
  readonly eventNames: readonly (keyof ApiEvents)[]
}

/** A running web mode. */
export interface HttpBridgeServer {
  /**
   * The address to open, with the launch token in the fragment (never sent to a server log). It
   * signs in one browser, once.
   */
  readonly openUrl: string
  readonly origin: string
  readonly close: () => Promise<void>
}

const sessionCookie = 'hush_session'
const csrfHeader = 'x-hush-csrf'
const maxBodyBytes = 1024 * 1024

/**
 * Serves the dashboard and the contract over HTTP (`POST /api/<method>`, `GET /api/events`).
 *
 * Protections (docs/architecture.md §3): Host allow-list, Origin check, the launch token swapped for an
 * HttpOnly SameSite=Strict cookie, a CSRF header on every call, no CORS, loopback by default.
 */
export async function serveHttp(options: ServeHttpOptions): Promise<HttpBridgeServer> {
  const host = options.host ?? '127.0.0.1'
  if (!isLoopbackHost(host) && !options.password) {
    throw new Error(`binding ${host} exposes Hush to the network: a password is required`)
  }
  const secret = options.password ?? randomSecret()
  const sessions = createWebSessions(secret, options.password ? 'password' : 'launchToken')
  let hosts: ReadonlySet<string> = new Set()
  const streams = new Set<ServerResponse>()

  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(securityHeaders)) {
      response.setHeader(name, value)
    }
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        sendJson(response, 500, { error: environmentMessage(error) ?? 'internal error' })
      } else {
        response.end()
      }
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!hosts.has((request.headers.host ?? '').toLowerCase())) {
      return sendJson(response, 421, { error: 'this host name is not allowed' })
    }
    const path = (request.url ?? '/').split('?')[0] ?? '/'
    if (!path.startsWith('/api/')) {
      return serveStatic(request, response, path)
    }
    response.setHeader('Cache-Control', 'no-store')
    if (request.headers['sec-fetch-site'] === 'cross-site') {
      return sendJson(response, 403, { error: 'cross-site requests are refused' })
    }
    if (path === '/api/session') {
      return handleSession(request, response)
    }
    const session = sessions.find(readCookie(request.headers.cookie, sessionCookie))
    if (!session) {
      return sendJson(response, 401, { error: 'sign in with the address `hush serve` printed' })
    }
    if (path === '/api/events' && request.method === 'GET') {
      return openEventStream(response)
    }
    if (request.method !== 'POST') {
      return sendJson(response, 405, { error: 'method not allowed' })
    }
    if (!isAllowedOrigin(request.headers.origin, hosts)) {
      return sendJson(response, 403, { error: 'foreign origin' })
    }
    if (request.headers[csrfHeader] !== session.csrf) {
      return sendJson(response, 403, { error: 'missing or wrong CSRF header' })
    }
    return handleCall(request, response, path.slice('/api/'.length))
  }

  async function handleSession(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const current = sessions.find(readCookie(request.headers.cookie, sessionCookie))
    if (request.method === 'GET') {
      return current
        ? sendJson(response, 200, { csrf: current.csrf })
        : sendJson(response, 401, { error: 'not signed in' })
    }
    if (request.method !== 'POST') {
      return sendJson(response, 405, { error: 'method not allowed' })
    }
    if (!isAllowedOrigin(request.headers.origin, hosts)) {
      return sendJson(response, 403, { error: 'foreign origin' })
    }
    const body = (await readJson(request)) as { secret?: unknown } | undefined
    const given = typeof body?.secret === 'string' ? body.secret : ''
    const client = request.socket.remoteAddress ?? 'unknown'
    const outcome = sessions.signIn(given, client, Date.now())
    if (outcome === 'throttled') {
      return sendJson(response, 429, { error: 'too many failed sign-ins; wait a minute' })
    }
    if (outcome === 'used') {
      return sendJson(response, 401, {
        error: 'this sign-in address was used already: it signs in one browser once',
      })
    }
    if (outcome === 'wrong') {
      return sendJson(response, 401, { error: 'wrong or expired sign-in token' })
    }
    setSessionCookie(response, outcome)
    return sendJson(response, 200, { csrf: outcome.csrf })
  }

  async function handleCall(
    request: IncomingMessage,
    response: ServerResponse,
    name: string,
  ): Promise<void> {
    if (!Object.hasOwn(apiMethods, name)) {
      return sendJson(response, 404, { error: `unknown method ${name}` })
    }
    const method = name as ApiMethod
    const parsed = apiMethods[method].input.safeParse(await readJson(request))
    if (!parsed.success) {
      return sendJson(response, 400, { error: invalidInputMessage(method, parsed.error) })
    }
    const handler = options.api[method] as (input: unknown) => Promise<unknown>
    return sendJson(response, 200, await handler(parsed.data))
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' })
    response.write(': connected\n\n')
    streams.add(response)
    const unsubscribe = options.eventNames.map(name =>
      options.events.on(name, payload => {
        response.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)
      }),
    )
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 25_000)
    keepAlive.unref()
    response.on('close', () => {
      clearInterval(keepAlive)
      unsubscribe.forEach(stop => stop())
      streams.delete(response)
    })
  }

  async function serveStatic(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
  ): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendJson(response, 405, { error: 'method not allowed' })
    }
    const file = options.staticDir ? await readStaticFile(options.staticDir, path) : undefined
    if (!file) {
      return sendJson(response, 404, { error: 'not found' })
    }
    response.writeHead(200, { 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' })
    response.end(request.method === 'HEAD' ? undefined : file.body)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  hosts = allowedHostValues(port, options.allowedHosts ?? (isLoopbackHost(host) ? [] : [host]))
  const shownHost = host === '::1' ? '[::1]' : host
  const origin = `http://${shownHost}:${port}`
  return {
    origin,
    openUrl: options.password ? `${origin}/` : `${origin}/#token=${secret}`,
    close: () =>
      new Promise(resolve => {
        streams.forEach(stream => stream.end())
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

function setSessionCookie(response: ServerResponse, session: WebSession): void {
  response.setHeader(
    'Set-Cookie',
    `${sessionCookie}=${session.id}; HttpOnly; SameSite=Strict; Path=/`,
  )
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
  response.end(JSON.stringify(body))
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > maxBodyBytes) {
      return undefined
    }
    chunks.push(chunk as Buffer)
  }
  try {
    return chunks.length === 0
      ? {}
      : (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown)
  } catch {
    return undefined
  }
}
