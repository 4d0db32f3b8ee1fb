import { describe, expect, it } from 'vitest'
import type { ApiEvents, PrivacyBridge } from '../../../common/api/contract'

/** A bridge onto a core as one `hush` command has it: a demo server named by its options. */
export interface CommandFixture {
  readonly bridge: PrivacyBridge
  /** The demo's token: no output may hold it. */
  readonly secret: string
  /** The demo's data folder (the options' `--data-dir`). */
  readonly dataDir: string
  /** Opens the next command's core on the same state folder. */
  readonly next: () => Promise<PrivacyBridge>
}

/**
 * The contract as the CLI uses it (electron/cli/command-core.ts): the named server connected for
 * one command and remembered nowhere, changes with the plan that was shown and `force`, the
 * outbound log imported and exported in parts, and what the owner must be told at the next
 * command. Each test sets up a fresh state folder and demo.
 */
export function describeCommandContract(name: string, setUp: () => Promise<CommandFixture>): void {
  describe(`the contract as a command uses it, over ${name}`, () => {
    it('connects to the named server for one command, and remembers it nowhere', async () => {
      const { bridge, secret, dataDir } = await setUp()
      const connected = await bridge.call('server.connectLocal', { remember: false })
      expect(connected).toMatchObject({ ok: true, value: { dataDir } })
      expect(await bridge.call('server.list', {})).toEqual([])
      const status = await bridge.call('switches.status', {})
      expect(status.ok && status.value.switches.length).toBeGreaterThan(20)
      const discovered = await bridge.call('server.discover', {})
      expect(discovered).toMatchObject({ ok: true, value: { dataDir, tokenFound: true } })
      expect(JSON.stringify([connected, status, discovered])).not.toContain(secret)
    })

    it('applies the plan it showed, forced or not, and refuses a plan of another switch', async () => {
      const { bridge } = await setUp()
      await bridge.call('server.connectLocal', { remember: false })
      const plan = await bridge.call('switches.planSet', { switchId: 'relay', value: 'off' })
      expect(plan.ok && plan.value.steps.map(step => step.switchId)).toEqual(['relay'])
      if (!plan.ok) {
        return
      }
      const other = await bridge.call('switches.set', {
        switchId: 'dlna',
        value: 'off',
        plan: plan.value,
      })
      expect(other).toMatchObject({ ok: false, error: { kind: 'invalidInput' } })
      const set = await bridge.call('switches.set', {
        switchId: 'relay',
        value: 'off',
        plan: plan.value,
      })
      expect(set.ok && set.value.applied.map(step => step.target)).toEqual(['pref:RelayEnabled'])
      const status = await bridge.call('switches.status', {})
      expect(status.ok && status.value.switches.find(s => s.id === 'relay')?.state).toBe('off')
      const undone = await bridge.call('switches.undo', { force: true })
      expect(undone.ok && undone.value.applied).toHaveLength(1)
    })

    it('imports a Logs folder, and exports it in parts that join into the whole', async () => {
      const { bridge, dataDir } = await setUp()
      const imported = await bridge.call('log.import', { paths: [`${dataDir}/Logs`] })
      expect(imported.ok && imported.value.inserted).toBeGreaterThan(10)
      for (const format of ['csv', 'json', 'ndjson'] as const) {
        const whole = await bridge.call('log.export', { format, filter: {} })
        expect(whole.next).toBeNull()
        const parts: string[] = []
        let count = 0
        let after: number | undefined
        do {
          const part = await bridge.call('log.export', { format, filter: {}, after, limit: 7 })
          parts.push(part.content)
          count += part.count
          after = part.next ?? undefined
        } while (after !== undefined)
        expect(parts.length).toBeGreaterThan(1)
        expect(parts.join('')).toBe(whole.content)
        expect(count).toBe(whole.count)
      }
      const page = await bridge.call('log.page', { limit: 3 })
      expect(page.events.map(event => typeof event.localTime)).toEqual([
        'boolean',
        'boolean',
        'boolean',
      ])
      const missing = await bridge.call('log.import', { paths: [`${dataDir}/no-such-folder`] })
      expect(missing).toMatchObject({ ok: false, error: { kind: 'fileError' } })
    })

    it('ends a timed change whose time is up at the next command, and tells the owner', async () => {
      const { bridge, next } = await setUp()
      await bridge.call('server.connectLocal', { remember: false })
      const set = await bridge.call('switches.set', {
        switchId: 'relay',
        value: 'off',
        forSeconds: 1,
      })
      expect(set.ok).toBe(true)
      await new Promise(resolve => setTimeout(resolve, 1100))
      const later = await next()
      const told: Array<ApiEvents['owner.notified']> = []
      later.on('owner.notified', notice => told.push(notice))
      await later.call('server.connectLocal', { remember: false })
      const status = await later.call('switches.status', {})
      expect(status.ok && status.value.switches.find(s => s.id === 'relay')?.state).toBe('on')
      expect(told).toEqual([
        expect.objectContaining({ kind: 'timedChangeEnded', title: 'A temporary change ended' }),
      ])
    })

    it('refuses input outside the contract', async () => {
      const { bridge } = await setUp()
      await expect(bridge.call('log.import', { paths: [] })).rejects.toThrow(/log\.import/)
      await expect(
        bridge.call('log.export', { format: 'csv', filter: {}, limit: 0 }),
      ).rejects.toThrow(/limit/)
      await expect(bridge.call('switches.undo', { force: 'yes' as never })).rejects.toThrow()
    })
  })
}
