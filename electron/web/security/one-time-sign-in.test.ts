import { request as httpRequest } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { apiMethodNames, type ApiEvents, type PrivacyApi } from '../../common/api/contract'
import { createEventHub } from '../../common/util/event-hub'
import { serveHttp, type HttpBridgeServer } from '../serve-http'

// SECURITY.md: "The address `hush serve` prints signs in once; failed sign-ins are limited per
// client and never lock the owner out."
const api = Object.fromEntries(
  apiMethodNames.map(method => [method, () => Promise.resolve({ ok: true, value: method })]),
) as unknown as PrivacyApi

let server: HttpBridgeServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

interface Reply {
  readonly status: number
  readonly cookie: string | undefined
  readonly body: { error?: string; csrf?: string }
}

/**
 * POSTs a sign-in from a given loopback address: every 127.x.y.z is this machine, so distinct
 * addresses stand for distinct clients (the owner's browser, another machine).
 */
function signIn(origin: string, secret: string, from = '127.0.0.1'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${origin}/api/session`,
      {
        method: 'POST',
        localAddress: from,
        headers: { Origin: origin, 'Content-Type': 'application/json' },
      },
      res => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            cookie: res.headers['set-cookie']?.[0]?.split(';')[0],
            body: JSON.parse(body) as Reply['body'],
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(JSON.stringify({ secret }))
  })
}

async function callWith(origin: string, session: Reply): Promise<number> {
  const response = await fetch(`${origin}/api/settings.get`, {
    method: 'POST',
    headers: {
      Origin: origin,
      Cookie: session.cookie ?? '',
      'X-Hush-CSRF': session.body.csrf ?? '',
    },
    body: '{}',
  })
  return response.status
}

async function start(password?: string): Promise<{ origin: string; token: string }> {
  server = await serveHttp({
    api,
    events: createEventHub<ApiEvents>(),
    port: 0,
    password,
    eventNames: [],
  })
  return { origin: server.origin, token: new URL(server.openUrl).hash.replace('#token=', '') }
}

describe('the sign-in address of hush serve', () => {
  it('signs in one browser once; a second use of the same address is refused', async () => {
    const { origin, token } = await start()
    const first = await signIn(origin, token)
    expect(first.status).toBe(200)
    const again = await signIn(origin, token)
    expect(again.status).toBe(401)
    expect(again.cookie).toBeUndefined()
    expect(again.body.error).toBe(
      'this sign-in address was used already: it signs in one browser once',
    )
    const elsewhere = await signIn(origin, token, '127.0.0.9')
    expect(elsewhere.status).toBe(401)
    // The browser that signed in keeps working.
    expect(await callWith(origin, first)).toBe(200)
  })

  it('lets the owner sign in with the printed address after anyone else failed many times', async () => {
    const { origin, token } = await start()
    for (let i = 0; i < 25; i++) {
      await signIn(origin, `guess-${i}`)
    }
    expect((await signIn(origin, 'one-more-guess')).status).toBe(429)
    const owner = await signIn(origin, token)
    expect(owner.status).toBe(200)
    expect(await callWith(origin, owner)).toBe(200)
  })
})

describe('the password of LAN mode', () => {
  it('limits failed sign-ins per client: another client with the password still signs in', async () => {
    const password = 'correct horse battery staple'
    const { origin } = await start(password)
    for (let i = 0; i < 10; i++) {
      expect((await signIn(origin, `guess-${i}`, '127.0.0.2')).status).toBe(401)
    }
    expect((await signIn(origin, 'guess-10', '127.0.0.2')).status).toBe(429)
    // The guesser is slowed even when it guesses right.
    expect((await signIn(origin, password, '127.0.0.2')).status).toBe(429)
    const owner = await signIn(origin, password, '127.0.0.3')
    expect(owner.status).toBe(200)
    expect(await callWith(origin, owner)).toBe(200)
    // A password may sign in again (another browser of the owner's).
    expect((await signIn(origin, password, '127.0.0.4')).status).toBe(200)
  })
})
