import { afterEach, describe, expect, it } from 'vitest'
import { createPlexClient } from './plex-client'
import { plexIdentificationHeaders } from './plex-headers'
import { closedPortUrl, startHttpFixture, type HttpFixture } from './testing/http-fixture'

const token = 'sEcReT-tOkEn-123456'
const identityXml =
  '<?xml version="1.0" encoding="UTF-8"?>\n<MediaContainer size="0" claimed="1" machineIdentifier="2757a8d90a22f2fd9077c77b9107536981bf1a28" version="1.42.2.10156-f737b826c">\n</MediaContainer>\n'

let fixture: HttpFixture | undefined
afterEach(async () => {
  await fixture?.close()
  fixture = undefined
})

function clientFor(url: string, options: { timeoutMs?: number; token?: string } = {}) {
  return createPlexClient({
    baseUrl: url,
    token: options.token ?? token,
    timeoutMs: options.timeoutMs ?? 2000,
    headers: plexIdentificationHeaders('hush-test-client'),
  })
}

describe('the Plex Media Server client', () => {
  it('sends the token as a header, never in the URL, with the identification headers', async () => {
    fixture = await startHttpFixture((_request, response) => {
      response.setHeader('content-type', 'application/json')
      response.end('{"MediaContainer":{"size":0,"Setting":[]}}')
    })
    const result = await clientFor(fixture.url).prefs()
    expect(result).toEqual({ ok: true, value: [] })
    const [request] = fixture.requests
    expect(request?.url).toBe('/:/prefs')
    expect(request?.headers['x-plex-token']).toBe(token)
    expect(request?.headers.accept).toBe('application/json')
    expect(request?.headers['x-plex-product']).toBe('Hush')
    expect(request?.headers['x-plex-client-identifier']).toBe('hush-test-client')
  })

  it('reads /identity without sending the token', async () => {
    fixture = await startHttpFixture((_request, response) => response.end(identityXml))
    const result = await clientFor(fixture.url).identity()
    expect(result).toMatchObject({
      ok: true,
      value: { version: '1.42.2.10156-f737b826c', claimed: true },
    })
    expect(fixture.requests[0]?.headers['x-plex-token']).toBeUndefined()
  })

  it('says unreachable in one line when nothing listens', async () => {
    const result = await clientFor(await closedPortUrl()).identity()
    expect(result).toMatchObject({ ok: false, error: { kind: 'unreachable' } })
    expect(result.ok ? '' : result.error.message).toMatch(/connection refused/)
  })

  it('says unauthorized on 401, and the message never holds the token', async () => {
    fixture = await startHttpFixture((_request, response) => {
      response.statusCode = 401
      response.setHeader('content-type', 'text/html')
      response.end(
        '<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>',
      )
    })
    const result = await clientFor(fixture.url).prefs()
    expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })
    expect(JSON.stringify(result)).not.toContain(token)
  })

  it('says notPlex for any other HTTP server', async () => {
    fixture = await startHttpFixture((_request, response) => {
      response.setHeader('content-type', 'text/html')
      response.end('<html><body><h1>It works!</h1></body></html>')
    })
    const result = await clientFor(fixture.url).identity()
    expect(result).toMatchObject({ ok: false, error: { kind: 'notPlex' } })
  })

  it('says notPlex for a server that answers /identity with 404', async () => {
    fixture = await startHttpFixture((_request, response) => {
      response.statusCode = 404
      response.end('Not Found')
    })
    const result = await clientFor(fixture.url).identity()
    expect(result).toMatchObject({ ok: false, error: { kind: 'notPlex' } })
  })

  it('gives up on a server that hangs, with a timeout', async () => {
    fixture = await startHttpFixture(() => {
      // Never answers.
    })
    const result = await clientFor(fixture.url, { timeoutMs: 300 }).identity()
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } })
    expect(result.ok ? '' : result.error.message).toContain('300 ms')
  })

  it('keeps the token out of messages even when a server echoes it back', async () => {
    fixture = await startHttpFixture((request, response) => {
      response.statusCode = 500
      response.end(`bad token ${String(request.headers['x-plex-token'])}`)
    })
    const result = await clientFor(fixture.url).prefs()
    expect(result).toMatchObject({ ok: false, error: { kind: 'badResponse' } })
    expect(JSON.stringify(result)).not.toContain(token)
  })

  it('sends all pairs of setPrefs in one PUT and re-sends the agent on setSection', async () => {
    fixture = await startHttpFixture((request, response) => {
      if (request.url === '/library/sections') {
        response.end(
          '<MediaContainer size="1"><Directory key="4" type="photo" title="Photos" agent="com.plexapp.agents.none"/></MediaContainer>',
        )
        return
      }
      response.end()
    })
    const client = clientFor(fixture.url)
    expect(await client.setPrefs({ sendCrashReports: false, FriendlyName: 'My box' })).toEqual({
      ok: true,
      value: undefined,
    })
    expect(await client.setSection('4', { prefs: { enableAutoPhotoTags: false } })).toEqual({
      ok: true,
      value: undefined,
    })
    const urls = fixture.requests.map(request => `${request.method} ${request.url}`)
    expect(urls).toEqual([
      'PUT /:/prefs?sendCrashReports=0&FriendlyName=My%20box',
      'GET /library/sections',
      'PUT /library/sections/4?agent=com.plexapp.agents.none&prefs[enableAutoPhotoTags]=0',
    ])
  })

  it('reports a PUT the server rejects with 400 as an unknown setting', async () => {
    fixture = await startHttpFixture((_request, response) => {
      response.statusCode = 400
      response.end()
    })
    const result = await clientFor(fixture.url).setPrefs({ noSuchSetting: true })
    expect(result).toMatchObject({ ok: false, error: { kind: 'settingUnknown' } })
  })
})
