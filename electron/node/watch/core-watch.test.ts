import { afterEach, describe, expect, it } from 'vitest'
import type { ApiEvents } from '../../common/api/contract'
import { startTestCore, type TestCore } from '../service/testing/test-core'

let testCore: TestCore | undefined
afterEach(async () => {
  await testCore?.close()
  testCore = undefined
})

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) {
    throw new Error(result.error.message)
  }
  return result.value
}

describe('the core watch', () => {
  it('reports drift after an update, and restores the choices once enforcement is turned on', async () => {
    testCore = await startTestCore()
    const { core } = testCore
    const { api } = core
    const drifts: Array<ApiEvents['drift.detected']> = []
    core.events.on('drift.detected', payload => drifts.push(payload))
    await core.start()
    const server = value(await api['server.connectDemo']({}))
    const plan = value(await api['switches.planProfile']({ profile: 'private' }))
    value(await api['switches.apply']({ plan, force: false }))
    expect(value(await api['watch.drift']({})).changes).toEqual([])

    const update = await fetch(`${server.url}/__demo/update`, {
      method: 'POST',
      headers: { 'X-Plex-Token': testCore.demoToken() ?? '' },
    })
    expect(update.ok).toBe(true)
    const drift = value(await api['watch.drift']({}))
    expect(drift.changes.length).toBeGreaterThan(0)
    expect(drift.changes.every(change => change.why === 'server-update')).toBe(true)

    await api['settings.update']({ enforce: true })
    for (let waited = 0; !drifts.some(event => event.enforced) && waited < 20_000; waited += 50) {
      await new Promise(resolve => setTimeout(resolve, 50))
    }
    expect(drifts.find(event => event.enforced)?.changes.map(change => change.switchId)).toEqual(
      drift.changes.map(change => change.switchId),
    )
    expect(value(await api['watch.drift']({})).changes).toEqual([])
    const overrides = value(await api['watch.overrides']({}))
    expect(overrides.overrides.some(entry => entry.by === 'hush')).toBe(true)
  }, 90_000)
})
