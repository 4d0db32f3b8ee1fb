import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, getJson, startTestDemo } from './demo-test-helpers'
import type { DemoServer } from './start-demo-server'

interface Connection {
  address: string
  port: number
  uri: string
  local: boolean
  relay: boolean
}

describe('demo server: plex.tv account endpoints', () => {
  let demo: DemoServer
  let cleanup: () => Promise<void>
  let uuid: string
  beforeAll(async () => {
    ;({ demo, cleanup } = await startTestDemo())
    uuid = (await getJson<{ uuid: string }>(demo, '/api/v2/user')).uuid
  })
  afterAll(async () => cleanup())

  it('answers /api/v2/user with a uuid, and 401 without the token', async () => {
    expect(uuid).toMatch(/^[0-9a-f]{16}$/)
    const user = await getJson<{ username: string; subscription: { active: boolean } }>(
      demo,
      '/api/v2/user',
    )
    expect(user).toMatchObject({ username: 'demo-owner', subscription: { active: true } })
    const denied = await call(demo, '/api/v2/user', { token: null, json: true })
    expect(denied.status).toBe(401)
    expect(await denied.text()).toContain('<error code="1001"')
    const xml = await (await call(demo, '/api/v2/user')).text()
    expect(xml).toMatch(/<user id="12345" uuid="[0-9a-f]{16}"/)
  })

  it('reads and writes the privacy opt-outs with a form body (204)', async () => {
    const before = await getJson<{
      optOutPlayback: boolean
      metrics: { event: string; status: string }[]
    }>(demo, '/api/v2/user/privacy')
    expect(before.optOutPlayback).toBe(false)
    const put = await call(demo, '/api/v2/user/privacy', {
      method: 'PUT',
      body: 'optOutPlayback=1&optOutLibraryStats=1',
    })
    expect(put.status).toBe(204)
    const after = await getJson<{
      optOutPlayback: boolean
      optOutLibraryStats: boolean
      metrics: { event: string; status: string }[]
    }>(demo, '/api/v2/user/privacy')
    expect(after).toMatchObject({
      optOutPlayback: true,
      optOutLibraryStats: true,
      domain: 'analytics.plex.tv',
    })
    expect(after.metrics.find(m => m.event === 'playback:itemstart')?.status).toBe('off')
    const bad = await call(demo, '/api/v2/user/privacy', {
      method: 'PUT',
      body: 'optOutPlayback=maybe',
    })
    expect(bad.status).toBe(400)
    const xml = await (await call(demo, '/api/v2/user/privacy')).text()
    expect(xml).toMatch(/<privacy optOutPlayback="1" optOutLibraryStats="1"/)
  })

  it('reads and writes the Online Media Sources opt-outs', async () => {
    const path = `/api/v2/user/${uuid}/settings/opt_outs`
    const list = await getJson<{ key: string; value: string }[]>(demo, path)
    expect(list.map(e => e.key)).toEqual(
      expect.arrayContaining(['tv.plex.provider.music', 'tv.plex.provider.vod']),
    )
    const post = await call(demo, path, {
      method: 'POST',
      body: 'key=tv.plex.provider.vod&value=opt_out',
    })
    expect(post.status).toBe(204)
    const managedMusic = await call(demo, path, {
      method: 'POST',
      body: 'key=tv.plex.provider.music&value=opt_out_managed',
    })
    expect(managedMusic.status).toBe(400)
    const after = await getJson<{ key: string; value: string }[]>(demo, path)
    expect(after.find(e => e.key === 'tv.plex.provider.vod')?.value).toBe('opt_out')
    expect(after.find(e => e.key === 'tv.plex.provider.music')?.value).toBe('opt_in')
    expect(
      (await call(demo, '/api/v2/user/not-the-uuid/settings/opt_outs', { json: true })).status,
    ).toBe(404)
  })

  it('reads and writes the watch-state sync consent', async () => {
    expect(await getJson(demo, '/api/v2/user/view_state_sync')).toEqual({ consent: true })
    expect(
      (await call(demo, '/api/v2/user/view_state_sync?consent=false', { method: 'PUT' })).status,
    ).toBe(204)
    expect(await getJson(demo, '/api/v2/user/view_state_sync')).toEqual({ consent: false })
  })

  it('lists the account webhooks', async () => {
    expect(await getJson(demo, '/api/v2/user/webhooks')).toEqual([
      { url: 'https://hooks.example.net/plex' },
    ])
  })

  it('lists the server with a relay connection only while remote access is unreachable', async () => {
    const resources = () =>
      getJson<{ clientIdentifier: string; relay: boolean; connections: Connection[] }[]>(
        demo,
        '/api/v2/resources?includeHttps=1&includeRelay=1',
      )
    const reachable = await resources()
    expect(reachable[0]?.clientIdentifier).toBe(demo.machineIdentifier)
    expect(reachable[0]?.connections.some(c => c.relay)).toBe(false)
    expect(reachable[0]?.connections.some(c => c.local)).toBe(true)
    demo.faults.remoteUnreachable(true)
    const relay = (await resources())[0]?.connections.find(c => c.relay)
    expect(relay).toMatchObject({ port: 8443, local: false })
    expect(relay?.uri).toMatch(/^https:\/\/139-162-247-112\.[0-9a-f]{32}\.plex\.direct:8443$/)
    demo.faults.remoteUnreachable(false)
  })

  it('answers 503 while plex.tv is made unreachable', async () => {
    demo.faults.plexTvDown(true)
    try {
      expect((await call(demo, '/api/v2/user', { json: true })).status).toBe(503)
      expect((await call(demo, '/:/prefs', { json: true })).status).toBe(200)
    } finally {
      demo.faults.plexTvDown(false)
    }
  })
})
