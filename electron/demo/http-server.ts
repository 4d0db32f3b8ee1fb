import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FaultState } from './fault-state'
import type { DemoRequest, DemoResponse, DemoRoute } from './http-types'
import { formatOf, renderElement } from './render'

/** The 91-byte body of the real server's 401 (reference §2.1). */
export const unauthorizedBody =
  '<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>'

const plexTvUnauthorized =
  '<?xml version="1.0" encoding="UTF-8"?>\n<errors>\n  <error code="1001" message="User could not be authenticated" status="401"/>\n</errors>\n'

/** One handled request, for the server's own `Request:`/`Completed:` log lines. */
export interface HandledRequest {
  readonly method: string
  /** Path and query, the token masked. */
  readonly target: string
  readonly status: number
  readonly bytes: number
  readonly millis: number
  readonly remoteAddress: string
  readonly remotePort: number
  readonly signedIn: boolean
  readonly userAgent: string
}

/** Options of demoListener. */
export interface DemoHttpOptions {
  readonly routes: readonly DemoRoute[]
  readonly token: () => string
  readonly faults: FaultState
  /** The server's (simulated) time, for the `Date` header. */
  readonly now: () => number
  /** Called before a request is handled (the log catches up to now first). */
  readonly onStart: () => void
  readonly onHandled: (request: HandledRequest) => void
}

/** Replaces the value of any token parameter in a path by 20 `x`, as the real server logs it. */
export function maskTarget(target: string): string {
  return target.replace(/([?&](?:X-Plex-Token|auth_token|token)=)[^&]*/gi, '$1xxxxxxxxxxxxxxxxxxxx')
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) {
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/**
 * The demo's handler of requests (token checks, faults, formats and request logging), the same on
 * every port the demo answers on.
 */
export function demoListener(options: DemoHttpOptions): RequestListener {
  return (request, response) => {
    handle(options, request, response).catch((error: unknown) => {
      // A bug in a route must not take the demo down: answer 500 and say what happened.
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'text/plain' })
      }
      response.end(`demo server error: ${(error as Error).message}`)
    })
  }
}

/** Listens with a demo handler on 127.0.0.1 (only); port 0 picks a free one. */
export async function listenDemo(listener: RequestListener, port: number): Promise<Server> {
  const server = createServer(listener)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  return server
}

/** The port a started server listens on. */
export function portOf(server: Server): number {
  return (server.address() as AddressInfo).port
}

async function handle(
  options: DemoHttpOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const started = performance.now()
  const url = new URL(request.url ?? '/', 'http://127.0.0.1')
  const method = request.method ?? 'GET'
  const body = await readBody(request)
  options.onStart()
  const given = headerText(request.headers['x-plex-token']) ?? url.searchParams.get('X-Plex-Token')
  const signedIn = given !== null && given !== undefined && given === options.token()
  const demoRequest: DemoRequest = {
    method,
    url,
    format: formatOf(headerText(request.headers.accept)),
    body,
    headers: request.headers,
  }
  const answer = await route(options, demoRequest, signedIn)
  if (answer === 'hang') {
    return
  }
  const { text, contentType } = encode(answer, demoRequest)
  response.writeHead(answer.status, {
    'content-type': contentType,
    'x-plex-protocol': '1.0',
    'cache-control': 'no-cache',
    'content-length': Buffer.byteLength(text),
    date: new Date(options.now()).toUTCString(),
  })
  response.end(text)
  options.onHandled({
    method,
    target: maskTarget(`${url.pathname}${url.search}`),
    status: answer.status,
    bytes: Buffer.byteLength(text),
    millis: Math.round(performance.now() - started),
    remoteAddress: request.socket.remoteAddress ?? '127.0.0.1',
    remotePort: request.socket.remotePort ?? 0,
    signedIn,
    userAgent: headerText(request.headers['x-plex-product']) ?? 'Hush',
  })
}

async function route(
  options: DemoHttpOptions,
  request: DemoRequest,
  signedIn: boolean,
): Promise<DemoResponse | 'hang'> {
  for (const candidate of options.routes) {
    const match = candidate.pattern.exec(request.url.pathname)
    if (match === null) {
      continue
    }
    if (candidate.plexTv === true && options.faults.plexTvDown) {
      return { status: 503, text: 'Service Unavailable', contentType: 'text/plain' }
    }
    if (candidate.auth === 'token' && !signedIn) {
      return candidate.plexTv === true
        ? { status: 401, text: plexTvUnauthorized, contentType: 'text/xml' }
        : { status: 401, text: unauthorizedBody, contentType: 'text/html' }
    }
    if (!candidate.methods.includes(request.method)) {
      return { status: 405 }
    }
    const faults = options.faults
    if (faults.hangPrefix !== undefined && request.url.pathname.startsWith(faults.hangPrefix)) {
      faults.hangPrefix = undefined
      return 'hang'
    }
    if (isWrite(request.method) && !request.url.pathname.startsWith('/__demo/')) {
      return delayedWrite(faults, () => handleWrite(candidate, request, match, faults))
    }
    return candidate.handle(request, match)
  }
  return signedIn
    ? { status: 404 }
    : { status: 401, text: unauthorizedBody, contentType: 'text/html' }
}

const isWrite = (method: string) => method === 'PUT' || method === 'POST' || method === 'DELETE'

/** A write, counted and delayed by the `delay` fault (tests watch an apply's steps with it). */
async function delayedWrite(
  faults: FaultState,
  handle: () => DemoResponse | Promise<DemoResponse>,
): Promise<DemoResponse> {
  faults.writesReceived += 1
  if (faults.writeDelaySkip > 0) {
    faults.writeDelaySkip -= 1
  } else if (faults.writeDelayMs > 0) {
    await new Promise(resolve => setTimeout(resolve, faults.writeDelayMs))
  }
  try {
    return await handle()
  } finally {
    faults.writesAnswered += 1
  }
}

function handleWrite(
  candidate: DemoRoute,
  request: DemoRequest,
  match: RegExpExecArray,
  faults: FaultState,
): DemoResponse | Promise<DemoResponse> {
  if (request.method === 'PUT' && faults.putCountdown !== undefined) {
    faults.putCountdown -= 1
    if (faults.putCountdown <= 0) {
      faults.putCountdown = undefined
      return { status: 500, text: 'Internal Server Error', contentType: 'text/plain' }
    }
  }
  return candidate.handle(request, match)
}

function encode(
  answer: DemoResponse,
  request: DemoRequest,
): { text: string | Buffer; contentType: string } {
  if (answer.bytes !== undefined) {
    return { text: answer.bytes, contentType: answer.contentType ?? 'application/octet-stream' }
  }
  if (answer.element !== undefined) {
    const json = request.format === 'json'
    return {
      text: renderElement(answer.element, request.format),
      contentType: json ? 'application/json' : 'text/xml;charset=utf-8',
    }
  }
  if (answer.json !== undefined) {
    return { text: JSON.stringify(answer.json), contentType: 'application/json' }
  }
  return { text: answer.text ?? '', contentType: answer.contentType ?? 'text/plain' }
}
