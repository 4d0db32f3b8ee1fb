import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestDemo } from '../../demo/demo-test-helpers'
import type { DemoServer } from '../../demo/start-demo-server'
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
    expect(JSON.stringify(refused)).not.toContain('wrong-token')
    expect(await test.core.api['server.list']({})).toEqual(before)
  })
})
