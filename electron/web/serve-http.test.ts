import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiMethodNames, type ApiEvents, type PrivacyApi } from '../common/api/contract'
import { createEventHub } from '../common/util/event-hub'
import { serveHttp, type HttpBridgeServer } from './serve-http'

// The transport is under test here: a small contract implementation stands behind it so that the
// security checks can be exercised one by one. The conformance suite runs the real core over HTTP.
const unused = Object.fromEntries(
  apiMethodNames.map(method => [
    method,
    () => Promise.reject(new Error(`${method} is not used here`)),
  ]),
)
const api = {
  ...unused,
  'server.discover': () =>
    Promise.resolve({
      dataDir: null,
      preferencesFile: null,
      machineIdentifier: null,
      tokenFound: false,
      serverUrl: 'http://127.0.0.1:32400',
      reachable: false,
      friendlyName: null,
      version: null,
      problem: 'nothing listens',
    }),
} as unknown as PrivacyApi

interface Reply {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly body: string
}

function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
      res => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('web mode (HTTP bridge)', () => {
  let server: HttpBridgeServer
  let staticDir: string
  let token: string

  beforeAll(async () => {
    staticDir = await mkdtemp(join(tmpdir(), 'hush-web-'))
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Hush</title>')
    const events = createEventHub<ApiEvents>()
    server = await serveHttp({ api, events, staticDir, port: 0, eventNames: ['server.checked'] })
    token = new URL(server.openUrl).hash.replace('#token=', '')
  })

  afterAll(async () => {
    await server.close()
    await rm(staticDir, { recursive: true, force: true })
  })

  // The launch token signs in once: every test shares that one session.
  let session: Promise<{ cookie: string; csrf: string }> | undefined
  function signIn(): Promise<{ cookie: string; csrf: string }> {
    session ??= exchangeToken()
    return session
  }

  async function exchangeToken(): Promise<{ cookie: string; csrf: string }> {
    const reply = await send(`${server.origin}/api/session`, {
      method: 'POST',
      headers: { Origin: server.origin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ secret: token }),
    })
    expect(reply.status).toBe(200)
    const setCookie = String(reply.headers['set-cookie'])
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Strict/)
    return {
      cookie: setCookie.split(';')[0] ?? '',
      csrf: (JSON.parse(reply.body) as { csrf: string }).csrf,
    }
  }

  it('binds loopback and prints an address with the launch token in the fragment', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(token.length).toBeGreaterThanOrEqual(43)
  })

  it('serves the dashboard with a strict CSP and no CORS header', async () => {
    const reply = await send(`${server.origin}/`)
    expect(reply.status).toBe(200)
    expect(reply.body).toContain('<title>Hush</title>')
    expect(reply.headers['content-security-policy']).toContain("default-src 'none'")
    expect(reply.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('refuses a wrong Host header (DNS rebinding)', async () => {
    const reply = await send(`${server.origin}/`, { headers: { Host: 'evil.example:80' } })
    expect(reply.status).toBe(421)
  })

  it('refuses a call without a session', async () => {
    const reply = await send(`${server.origin}/api/server.discover`, {
      method: 'POST',
      headers: { Origin: server.origin },
      body: '{}',
    })
    expect(reply.status).toBe(401)
  })

  it('refuses a wrong launch token', async () => {
    const reply = await send(`${server.origin}/api/session`, {
      method: 'POST',
      headers: { Origin: server.origin },
      body: JSON.stringify({ secret: 'not-the-token' }),
    })
    expect(reply.status).toBe(401)
    expect(reply.headers['set-cookie']).toBeUndefined()
  })

  it('refuses a foreign Origin, even with a valid session', async () => {
    const { cookie, csrf } = await signIn()
    const reply = await send(`${server.origin}/api/server.discover`, {
      method: 'POST',
      headers: { Origin: 'http://evil.example', Cookie: cookie, 'X-Hush-CSRF': csrf },
      body: '{}',
    })
    expect(reply.status).toBe(403)
  })

  it('refuses a call without the CSRF header', async () => {
    const { cookie } = await signIn()
    const reply = await send(`${server.origin}/api/server.discover`, {
      method: 'POST',
      headers: { Origin: server.origin, Cookie: cookie },
      body: '{}',
    })
    expect(reply.status).toBe(403)
  })

  it('answers a signed-in call with the contract output, and no CORS header', async () => {
    const { cookie, csrf } = await signIn()
    const reply = await send(`${server.origin}/api/server.discover`, {
      method: 'POST',
      headers: { Origin: server.origin, Cookie: cookie, 'X-Hush-CSRF': csrf },
      body: '{}',
    })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({ serverUrl: 'http://127.0.0.1:32400' })
    expect(reply.headers['access-control-allow-origin']).toBeUndefined()
    expect(reply.body).not.toContain(token)
  })

  it('rejects input that does not match the contract, and unknown methods', async () => {
    const { cookie, csrf } = await signIn()
    const headers = { Origin: server.origin, Cookie: cookie, 'X-Hush-CSRF': csrf }
    const bad = await send(`${server.origin}/api/server.discover`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ dataDir: 42 }),
    })
    expect(bad.status).toBe(400)
    const unknown = await send(`${server.origin}/api/toString`, {
      method: 'POST',
      headers,
      body: '{}',
    })
    expect(unknown.status).toBe(404)
  })

  it('refuses to climb out of the dashboard folder', async () => {
    const reply = await send(`${server.origin}/..%2f..%2fetc%2fpasswd`)
    expect(reply.body).not.toContain('root:')
  })
})
