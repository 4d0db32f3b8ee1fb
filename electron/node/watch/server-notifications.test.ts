import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { subscribeNotifications } from './server-notifications'

let server: Server | undefined
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise(done => server?.close(done) ?? done(undefined))
  server = undefined
})

async function serve(
  handler: (path: string, token: string | undefined, res: ServerResponse) => void,
) {
  server = createServer((req, res) =>
    handler(req.url ?? '', req.headers['x-plex-token'] as string | undefined, res),
  )
  await new Promise<void>(done => server?.listen(0, '127.0.0.1', done))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const config = (baseUrl: string) => ({
  baseUrl,
  token: 'secret-token',
  timeoutMs: 2000,
  headers: {},
})

describe('the server notification stream', () => {
  it('subscribes with the token in a header and calls back on every event', async () => {
    let seen: { path: string; token: string | undefined } | undefined
    let stream: ServerResponse | undefined
    const url = await serve((path, token, res) => {
      seen = { path, token }
      res.writeHead(200, { 'Content-Type': 'text/event-stream' })
      res.write(': hello\n\n')
      stream = res
    })
    let events = 0
    const subscription = await subscribeNotifications(config(url), () => {
      events += 1
    })
    expect(subscription).not.toBeNull()
    expect(seen?.path).toMatch(/^\/:\/eventsource\/notifications\?filters=/)
    expect(seen?.path).not.toContain('secret-token')
    expect(seen?.token).toBe('secret-token')
    const waitFor = async (count: number) => {
      for (let waited = 0; events < count && waited < 5000; waited += 20) {
        await new Promise(done => setTimeout(done, 20))
      }
    }
    // A comment line (a keep-alive) is no event; each event after it is a hint to re-check.
    stream?.write('event: activity\ndata: {"size":1}\n\n')
    await waitFor(1)
    stream?.write('event: preference\ndata: {"PreferenceNotification":[{"id":"RelayEnabled"}]}\n\n')
    await waitFor(2)
    expect(events).toBe(2)
    subscription?.close()
    await subscription?.closed
  })

  it('answers null when the server has no stream, so the watch polls', async () => {
    const url = await serve((_path, _token, res) => {
      res.writeHead(404, { 'Content-Type': 'text/plain' })
      res.end('not found')
    })
    expect(await subscribeNotifications(config(url), () => undefined)).toBeNull()
  })
})
