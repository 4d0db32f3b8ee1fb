import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, getJson, startTestDemo } from './demo-test-helpers'
import type { DemoServer } from './start-demo-server'

interface Connection {
  uri: string
  local: boolean
  relay: boolean
}

// The owner's laptop at home and away: the address plex.tv lists first answers only at home.
describe('demo server: an address on the owner’s home network', () => {
  let demo: DemoServer
  let cleanup: () => Promise<void>
  beforeAll(async () => {
    ;({ demo, cleanup } = await startTestDemo())
  })
  afterAll(async () => cleanup())

  const connections = async () =>
    (
      await getJson<{ connections: Connection[] }[]>(
        demo,
        '/api/v2/resources?includeHttps=1&includeRelay=1',
      )
    )[0]?.connections ?? []
  const network = async (at: string) =>
    (await call(demo, `/__demo/network?at=${at}`, { method: 'POST' })).status
  const identityAt = async (uri: string) => {
    const answer = await fetch(`${uri}/identity`).catch((error: Error) => error)
    return answer instanceof Error ? String((answer.cause as Error).message) : answer.status
  }

  it('lists only the loopback address until the home network is opened', async () => {
    expect((await connections()).filter(c => c.uri.startsWith('http://'))).toEqual([
      expect.objectContaining({ uri: demo.url, local: true }),
    ])
  })

  it('at home, lists a LAN address that answers, and the main port as its public one', async () => {
    expect(await network('home')).toBe(204)
    const plain = (await connections()).filter(c => c.uri.startsWith('http://'))
    expect(plain).toHaveLength(2)
    const [lan, outside] = plain
    expect(lan).toMatchObject({ local: true, relay: false })
    expect(lan?.uri).not.toBe(demo.url)
    expect(outside).toMatchObject({ uri: demo.url, local: false, relay: false })
    expect(await identityAt(lan?.uri ?? '')).toBe(200)
  })

  it('away, the LAN address refuses while plex.tv still lists it; home again, it answers', async () => {
    const lan = (await connections()).find(c => c.uri.startsWith('http://') && c.local)
    expect(await network('away')).toBe(204)
    expect(await identityAt(lan?.uri ?? '')).toMatch(/ECONNREFUSED/)
    expect((await connections()).map(c => c.uri)).toContain(lan?.uri)
    expect(await identityAt(demo.url)).toBe(200)
    expect(await network('home')).toBe(204)
    expect(await identityAt(lan?.uri ?? '')).toBe(200)
  })

  it('refuses a network place it does not know', async () => {
    expect(await network('moon')).toBe(400)
  })
})
