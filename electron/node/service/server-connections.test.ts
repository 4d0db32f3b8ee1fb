import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestDemo } from '../../demo/demo-test-helpers'
import { startDemoServer, type DemoServer } from '../../demo/start-demo-server'
import { startTestCore, type TestCore } from './testing/test-core'

describe('the servers Hush knows', () => {
  let test: TestCore
  let other: { demo: DemoServer; cleanup: () => Promise<void> }

  beforeAll(async () => {
    test = await startTestCore()
    other = await startTestDemo({ seed: 99 })
  })
  afterAll(async () => {
    await other.cleanup()
    await test.close()
  })

  it('adds a second server by address and token, and switches back to the first', async () => {
    const api = test.core.api
    const demo = await api['server.connectDemo']({})
    const second = await api['server.connect']({ url: other.demo.url, token: other.demo.token })
    expect(second.ok && second.value.machineIdentifier).toBe(other.demo.machineIdentifier)
    const listed = await api['server.list']({})
    expect(listed.map(server => server.active)).toEqual([false, true])

    const back = await api['server.select']({ id: demo.ok ? demo.value.machineIdentifier : '' })
    expect(back.ok && back.value.machineIdentifier).toBe(demo.ok && demo.value.machineIdentifier)
    expect((await api['server.list']({})).find(server => server.active)?.demo).toBe(true)

    const again = await api['server.select']({ id: other.demo.machineIdentifier })
    expect(again.ok).toBe(true)
    const status = await api['switches.status']({})
    expect(status.ok && status.value.server.machineIdentifier).toBe(other.demo.machineIdentifier)
  })

  it('says so when asked for a server it does not know', async () => {
    const unknown = await test.core.api['server.select']({ id: 'not-a-server' })
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'invalidInput' } })
  })

  it('refuses a wrong token without keeping the server', async () => {
    const before = await test.core.api['server.list']({})
    const refused = await test.core.api['server.connect']({
      url: other.demo.url,
      token: 'wrong-token',
    })
    expect(refused).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })
    // Named as the owner gave it in the dashboard, not as a command-line option.
    expect(refused.ok ? '' : refused.error.message).toMatch(
      /refused the token \(401\): check the token entered for it$/,
    )
    expect(JSON.stringify(refused)).not.toContain('wrong-token')
    expect(await test.core.api['server.list']({})).toEqual(before)
  })

  it('names the token Hush kept when a server it knows no longer takes it', async () => {
    const api = test.core.api
    const third = await startTestDemo({ seed: 41 })
    let rotated: DemoServer | null = null
    try {
      const kept = await api['server.connect']({ url: third.demo.url, token: third.demo.token })
      expect(kept.ok).toBe(true)
      expect((await api['server.connectDemo']({})).ok).toBe(true)
      // The same server comes back on its port with another token: the kept one is refused.
      const port = Number(new URL(third.demo.url).port)
      await third.demo.close()
      rotated = await startDemoServer({
        dataDir: third.dataDir,
        seed: 41,
        port,
        token: 'rotated-token-0002',
      })
      const refused = await api['server.select']({ id: third.demo.machineIdentifier })
      expect(refused).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })
      expect(refused.ok ? '' : refused.error.message).toMatch(
        /refused the token \(401\): check the token Hush kept for it \(connect to it again, or sign in with Plex again\)$/,
      )
      expect(JSON.stringify(refused)).not.toContain(third.demo.token)
    } finally {
      await rotated?.close()
      await rm(third.dataDir, { recursive: true, force: true })
    }
  })
})
