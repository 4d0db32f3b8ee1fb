import { afterEach, describe, expect, it } from 'vitest'
import { createPlexAccountClient } from '../account/plex-account-client'
import { createPlexClient } from '../server/plex-client'
import { plexIdentificationHeaders } from '../server/plex-headers'
import { resolveConnection } from '../server/resolve-connection'
import { startHttpFixture, type HttpFixture } from '../server/testing/http-fixture'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// SECURITY.md: "The server token is sent only to the server's own origin."
const token = 'sEcReT-tOkEn-123456'
const identityJson =
  '{"MediaContainer":{"size":0,"claimed":true,"machineIdentifier":"2757a8d90a22f2fd9077c77b9107536981bf1a28","version":"1.42.2.10156-f737b826c"}}'
const rootJson =
  '{"MediaContainer":{"size":0,"friendlyName":"evil","platform":"Linux","version":"1.42.2.10156-f737b826c","machineIdentifier":"2757a8d90a22f2fd9077c77b9107536981bf1a28"}}'

const fixtures: HttpFixture[] = []
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map(fixture => fixture.close()))
})

async function fixture(handler: Parameters<typeof startHttpFixture>[0]): Promise<HttpFixture> {
  const started = await startHttpFixture(handler)
  fixtures.push(started)
  return started
}

/** A server that answers /identity like a PMS and redirects every other path to `elsewhere`. */
async function redirectingServer(elsewhere: () => string, status = 302): Promise<HttpFixture> {
  return fixture((request, response) => {
    if (request.url === '/identity') {
      response.setHeader('content-type', 'application/json')
      response.end(identityJson)
      return
    }
    response.writeHead(status, { location: `${elsewhere()}${request.url ?? '/'}` })
    response.end()
  })
}

function clientFor(url: string) {
  return createPlexClient({
    baseUrl: url,
    token,
    timeoutMs: 2000,
    headers: plexIdentificationHeaders('hush-test-client'),
  })
}

describe('the server token stays with the server', () => {
  it.each([301, 302, 303, 307, 308])(
    'is never sent to another origin a server redirects to (HTTP %i)',
    async status => {
      const other = await fixture((_request, response) => {
        response.setHeader('content-type', 'application/json')
        response.end(rootJson)
      })
      const server = await redirectingServer(() => other.url, status)
      const result = await clientFor(server.url).root()
      expect(result.ok).toBe(false)
      const message = result.ok ? '' : result.error.message
      expect(message).toMatch(/redirected to another origin \(http:\/\/127\.0\.0\.1:\d+\)/)
      expect(message).not.toContain('\n')
      expect(message).not.toContain(token)
      expect(other.requests).toEqual([])
    },
  )

  it('refuses a redirect to the same host on another port (another origin)', async () => {
    const other = await fixture((_request, response) => response.end(rootJson))
    const server = await redirectingServer(() => other.url.replace('127.0.0.1', 'localhost'))
    const result = await clientFor(server.url).prefs()
    expect(result).toMatchObject({ ok: false, error: { kind: 'badResponse' } })
    expect(other.requests.filter(request => request.headers['x-plex-token'])).toEqual([])
  })

  it('does not connect to a server whose answers come from elsewhere', async () => {
    const other = await fixture((_request, response) => {
      response.setHeader('content-type', 'application/json')
      response.end(rootJson)
    })
    const server = await redirectingServer(() => other.url)
    const stateDir = await mkdtemp(join(tmpdir(), 'hush-state-'))
    try {
      const connection = await resolveConnection({ server: server.url, token, stateDir, env: {} })
      expect(connection).toMatchObject({ ok: false, error: { kind: 'badResponse' } })
      expect(other.requests).toEqual([])
    } finally {
      await rm(stateDir, { recursive: true, force: true })
    }
  })

  it('keeps the account token away from another origin too', async () => {
    const other = await fixture((_request, response) => response.end('{}'))
    const account = await redirectingServer(() => other.url, 307)
    const client = createPlexAccountClient({
      baseUrl: account.url,
      token,
      timeoutMs: 2000,
      headers: {},
    })
    const result = await client.privacy()
    expect(result).toMatchObject({ ok: false, error: { kind: 'accountUnavailable' } })
    expect(other.requests).toEqual([])
  })

  it('follows a redirect within the same origin', async () => {
    const server = await fixture((request, response) => {
      if (request.url === '/:/prefs') {
        response.writeHead(301, { location: '/:/prefs/' })
        response.end()
        return
      }
      response.setHeader('content-type', 'application/json')
      response.end('{"MediaContainer":{"size":0,"Setting":[]}}')
    })
    const result = await clientFor(server.url).prefs()
    expect(result).toEqual({ ok: true, value: [] })
    expect(server.requests.map(request => request.headers['x-plex-token'])).toEqual([token, token])
  })

  it('gives up on a redirect loop with one line', async () => {
    const server = await fixture((_request, response) => {
      response.writeHead(302, { location: '/again' })
      response.end()
    })
    const result = await clientFor(server.url).prefs()
    expect(result).toMatchObject({ ok: false, error: { kind: 'badResponse' } })
    expect(result.ok ? '' : result.error.message).toMatch(/more than 5 redirects$/)
  })
})
