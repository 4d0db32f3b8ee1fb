import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { showNotice } from '../../common/notices/notice-texts'
import { openSwitchStore, type HistoryEntry } from './switch-store'
import { startEngineFixture, type EngineFixture } from './testing/engine-fixture'

let temp = ''
let fixture: EngineFixture | undefined
beforeEach(async () => {
  temp = await mkdtemp(join(tmpdir(), 'hush-'))
})
afterEach(async () => {
  await fixture?.cleanup()
  fixture = undefined
  await rm(temp, { recursive: true, force: true })
})

const entry: HistoryEntry = {
  id: 'a1',
  serverId: 'server-1',
  at: '2026-11-29T05:00:00.000Z',
  command: 'set relay off',
  profile: null,
  title: 'Turn relay off',
  snapshotId: 'a1',
  steps: [
    {
      switchId: 'relay',
      target: 'pref:RelayEnabled',
      label: 'RelayEnabled',
      before: true,
      after: false,
    },
  ],
  undoneAt: null,
}

describe('the switchboard files', () => {
  it('keeps history across store instances, written without leftover temp files', async () => {
    await openSwitchStore(temp).saveHistory([entry])
    expect(await openSwitchStore(temp).history()).toEqual([entry])
    expect(await readdir(join(temp, 'switchboard'))).toEqual(['history.json'])
  })

  it('moves a corrupt file aside, says so in one line, and starts afresh without losing it', async () => {
    const store = openSwitchStore(temp, () => new Date(1_700_000_000_000))
    await store.saveHistory([entry])
    await writeFile(join(temp, 'switchboard', 'history.json'), '{"version": 1, "entries": [ trunc')
    expect(await store.history()).toEqual([])
    const [repaired] = store.warnings()
    const warning = repaired && showNotice({ kind: 'fileRepaired', ...repaired }, 'en').body
    expect(warning).toMatch(
      /history\.json was unreadable; it was moved to .*history\.corrupt-1700000000000\.json/,
    )
    expect(warning).not.toContain('\n')
    const kept = await readFile(
      join(temp, 'switchboard', 'history.corrupt-1700000000000.json'),
      'utf8',
    )
    expect(kept).toContain('trunc')
  })

  it('records an audit entry for every change: when, what, before, after, by which command', async () => {
    fixture = await startEngineFixture()
    const plan = await fixture.engine.planSet('relay', 'off')
    expect(plan.ok).toBe(true)
    if (plan.ok) {
      await fixture.engine.applyPlan(plan.value, { command: 'set relay off' })
    }
    await fixture.engine.undoLast()
    const audit = await fixture.store.audit()
    expect(audit.map(({ at: _at, serverId: _id, ...rest }) => rest)).toEqual([
      {
        command: 'set relay off',
        switchId: 'relay',
        target: 'pref:RelayEnabled',
        before: true,
        after: false,
        outcome: 'applied',
        detail: null,
      },
      {
        command: 'undo',
        switchId: 'relay',
        target: 'pref:RelayEnabled',
        before: false,
        after: true,
        outcome: 'applied',
        detail: null,
      },
    ])
    expect(
      audit.every(
        item =>
          !Number.isNaN(Date.parse(item.at)) && item.serverId === fixture?.demo.machineIdentifier,
      ),
    ).toBe(true)
    const snapshots = await readdir(join(fixture.stateDir, 'switchboard', 'snapshots'))
    expect(snapshots).toHaveLength(2)
    const history = await fixture.store.history()
    const snapshot = await fixture.store.snapshot(history[0]?.snapshotId ?? '')
    expect(snapshot?.values['pref:RelayEnabled']).toBe(true)
    expect(Object.keys(snapshot?.values ?? {}).length).toBeGreaterThan(150)
  })

  it('restores a free-text pref from what it held before it was turned off', async () => {
    fixture = await startEngineFixture()
    const urls = 'https://media.example.org:443/, http://192.168.1.20:32400/'
    await fixture.fault('other-admin', { id: 'customConnections', value: urls })
    const firstOn = await fixture.engine.planSet('custom-connections', 'on')
    expect(firstOn.ok && firstOn.value.steps).toEqual([])
    const off = await fixture.engine.planSet('custom-connections', 'off')
    if (off.ok) {
      await fixture.engine.applyPlan(off.value, { command: 'set custom-connections off' })
    }
    expect((await fixture.dump())['pref:customConnections']).toBe('')
    const on = await fixture.engine.planSet('custom-connections', 'on')
    expect(on.ok && on.value.steps.map(step => step.after)).toEqual([urls])
    if (on.ok) {
      await fixture.engine.applyPlan(on.value, { command: 'set custom-connections on' })
    }
    expect((await fixture.dump())['pref:customConnections']).toBe(urls)
  })

  it('refuses to invent a free-text value it never saw', async () => {
    fixture = await startEngineFixture()
    const on = await fixture.engine.planSet('custom-connections', 'on')
    expect(on.ok && on.value.steps).toEqual([])
    expect(on.ok && on.value.skipped[0]?.reason).toMatch(
      /customConnections has no earlier value to restore/,
    )
  })
})
