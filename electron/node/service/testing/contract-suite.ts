import { describe, expect, it } from 'vitest'
import type { PrivacyBridge } from '../../../common/api/contract'

/** What a bridge under test needs around it: a fresh core connected to nothing yet. */
export interface ContractFixture {
  readonly bridge: PrivacyBridge
  /** A secret the bridge must never hand out (the demo server's token). */
  readonly secret: string
}

/**
 * The conformance suite: the same behaviour through every bridge (in-process, HTTP, IPC). Each
 * bridge's test file calls this with a factory that starts a core with a demo server behind it.
 */
export function describeContract(name: string, setUp: () => Promise<ContractFixture>): void {
  describe(`the contract over ${name}`, () => {
    it('connects to a server, reads and changes switches, undoes, and pushes events', async () => {
      const { bridge, secret } = await setUp()
      const outputs: unknown[] = []
      const record = <T>(value: T): T => {
        outputs.push(value)
        return value
      }
      const changes: unknown[] = []
      const off = bridge.on('switches.changed', payload => changes.push(payload))

      const connected = record(await bridge.call('server.connectDemo', {}))
      expect(connected.ok && connected.value.machineIdentifier).toMatch(/^[0-9a-f]{40}$/)
      expect(record(await bridge.call('server.list', {}))).toEqual([
        expect.objectContaining({ active: true, demo: true, last: true, remote: false }),
      ])

      const before = record(await bridge.call('switches.status', {}))
      expect(before.ok).toBe(true)
      const relayBefore = before.ok ? before.value.switches.find(s => s.id === 'relay') : undefined
      expect(relayBefore?.state).toBe('on')

      const plan = record(await bridge.call('switches.planProfile', { profile: 'lockdown' }))
      expect(plan.ok && plan.value.steps.length).toBeGreaterThan(0)
      if (!plan.ok) {
        return
      }
      const applied = record(await bridge.call('switches.apply', { plan: plan.value }))
      expect(applied.ok).toBe(true)
      const after = record(await bridge.call('switches.status', {}))
      expect(after.ok && after.value.switches.find(s => s.id === 'relay')?.state).toBe('off')

      const undone = record(await bridge.call('switches.undo', {}))
      expect(undone.ok).toBe(true)
      const restored = record(await bridge.call('switches.status', {}))
      expect(restored.ok && restored.value.switches.map(s => [s.id, s.state])).toEqual(
        before.ok ? before.value.switches.map(s => [s.id, s.state]) : [],
      )
      await waitFor(() => changes.length >= 2)
      expect(changes).toEqual([{ reason: 'apply' }, { reason: 'undo' }])
      off()

      const preview = record(await bridge.call('preview.matching', { itemLimit: 2 }))
      expect(preview.ok && preview.value.libraries.length).toBeGreaterThan(0)
      expect(JSON.stringify(outputs)).not.toContain(secret)
    })

    it('follows the server log and pages through what it sent, without secrets', async () => {
      const { bridge, secret } = await setUp()
      await bridge.call('server.connectDemo', {})
      let total = 0
      await waitFor(() => {
        void bridge.call('log.count', {}).then(count => (total = count.total))
        return total > 50
      }, 10_000)
      expect(total).toBeGreaterThan(50)
      const first = await bridge.call('log.page', { limit: 20 })
      expect(first.events).toHaveLength(20)
      const second = await bridge.call('log.page', { limit: 20, before: first.nextBefore ?? 0 })
      const jumped = await bridge.call('log.page', { limit: 20, offset: 20 })
      expect(jumped.events.map(e => e.id)).toEqual(second.events.map(e => e.id))
      const stats = await bridge.call('log.stats', { upstreamOnly: true })
      expect(stats.byCategory.length).toBeGreaterThan(0)
      const exported = await bridge.call('log.export', { format: 'ndjson', filter: {} })
      expect(exported.content.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(total)
      expect(JSON.stringify([first, stats, exported])).not.toContain(secret)
      expect((await bridge.call('log.tailStatus', {})).state).toBe('following')
    })

    it('keeps settings in the core and tells every face when they change', async () => {
      const { bridge } = await setUp()
      const seen: unknown[] = []
      bridge.on('settings.changed', payload => seen.push(payload))
      const updated = await bridge.call('settings.update', { language: 'zh', retentionDays: 30 })
      expect(updated).toMatchObject({ language: 'zh', retentionDays: 30 })
      expect(await bridge.call('settings.get', {})).toMatchObject({ language: 'zh' })
      await waitFor(() => seen.length > 0)
      expect(seen[0]).toMatchObject({ language: 'zh' })
    })

    it('answers expected failures as values and refuses input outside the contract', async () => {
      const { bridge } = await setUp()
      const status = await bridge.call('switches.status', {})
      expect(status).toMatchObject({ ok: false, error: { kind: 'unreachable' } })
      await expect(
        bridge.call('switches.planProfile', { profile: 'everything' as never }),
      ).rejects.toThrow()
      await expect(bridge.call('log.page', { limit: 100_000 })).rejects.toThrow()
    })
  })
}

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!condition() && Date.now() < end) {
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}
