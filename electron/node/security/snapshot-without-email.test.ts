import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startEngineFixture, type EngineFixture } from '../switches/testing/engine-fixture'

// SECURITY.md: "Snapshots keep setting values, not the owner's e-mail, name or token."
let fixture: EngineFixture | undefined
afterEach(async () => {
  await fixture?.cleanup()
  fixture = undefined
})

describe('the snapshot taken before an apply', () => {
  it('keeps the values to restore, without the account e-mail, user name or token', async () => {
    fixture = await startEngineFixture()
    const prefs = await fixture.client.prefs()
    const mail = prefs.ok ? prefs.value.find(setting => setting.id === 'PlexOnlineMail') : undefined
    // The server does report the owner's e-mail among its prefs (pms-reference §1).
    expect(mail?.value).toBe('owner@example.com')
    const plan = await fixture.engine.planProfile('lockdown')
    expect(plan.ok).toBe(true)
    if (!plan.ok) {
      return
    }
    const applied = await fixture.engine.applyPlan(plan.value, { command: 'apply lockdown' })
    expect(applied.ok).toBe(true)
    const dir = join(fixture.stateDir, 'switchboard', 'snapshots')
    const [name] = await readdir(dir)
    const text = await readFile(join(dir, name ?? ''), 'utf8')
    const snapshot = JSON.parse(text) as { values: Record<string, unknown> }
    expect(Object.keys(snapshot.values).length).toBeGreaterThan(100)
    expect(snapshot.values['pref:RelayEnabled']).toBe(true)
    expect(text).not.toContain('owner@example.com')
    expect(text).not.toContain('demo-owner')
    expect(text).not.toContain(fixture.demo.token)
    expect(snapshot.values).not.toHaveProperty('pref:PlexOnlineMail')
  })
})
