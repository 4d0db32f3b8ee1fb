import { afterEach, describe, expect, it } from 'vitest'
import type { SwitchEntry } from '../../common/switches/switch-types'
import { switchCatalog } from '../../common/switches/catalog'
import { startEngineFixture, type EngineFixture } from './testing/engine-fixture'

let fixture: EngineFixture | undefined
afterEach(async () => {
  await fixture?.cleanup()
  fixture = undefined
})

async function must<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const result = await promise
  if (!result.ok) {
    throw new Error(result.error.message)
  }
  return result.value
}

describe('the switch engine against the demo server', () => {
  it('applies lockdown so that every available switch reads its lockdown value, and undo restores everything', async () => {
    fixture = await startEngineFixture()
    const { engine } = fixture
    const before = await fixture.dump()
    const plan = await must(engine.planProfile('lockdown'))
    expect(plan.steps.length).toBeGreaterThan(10)
    expect(plan.breaks.map(entry => entry.switchId)).toContain('relay')
    const report = await must(
      engine.applyPlan(plan, { command: 'apply lockdown', profile: 'lockdown' }),
    )
    expect(report.applied).toHaveLength(plan.steps.length)

    const after = await must(engine.readSwitchStates())
    expect(after.switchboard.profile).toBe('lockdown')
    for (const status of after.switchboard.switches) {
      if (status.state === 'unavailable' || status.profiles.lockdown === 'keep') {
        continue
      }
      expect(`${status.id}: ${status.state}`).toBe(`${status.id}: ${status.profiles.lockdown}`)
    }
    const undone = await must(engine.undoLast())
    expect(undone.applied).toHaveLength(plan.steps.length)
    expect(await fixture.dump()).toEqual(before)
  }, 90_000)

  it('reads every switch just before it turns debug logging off, and only its own targets otherwise', async () => {
    const batches: string[][] = []
    fixture = await startEngineFixture({
      recordReadings: readings => {
        batches.push(readings.map(reading => reading.key))
        return Promise.resolve()
      },
    })
    const { engine } = fixture
    const everyTarget = (await must(engine.readSwitchStates())).switchboard.switches.flatMap(
      status => status.targets.map(target => target.key),
    )
    expect(everyTarget).toContain('pref:RelayEnabled')
    batches.length = 0
    const crash = await must(engine.planSet('crash-reports', 'off'))
    await must(engine.applyPlan(crash, { command: 'set crash-reports off' }))
    expect(batches.flat()).not.toContain('pref:RelayEnabled')
    batches.length = 0
    const debug = await must(engine.planSet('debug-logging', 'off'))
    await must(engine.applyPlan(debug, { command: 'set debug-logging off' }))
    // The reading of every switch comes before the write that blinds the log.
    expect(batches.at(-2)).toEqual(everyTarget)
    expect(batches.at(-1)).toEqual(['pref:logDebug'])
  })

  it('remembers each library previous agent, so that turning matching back on restores it', async () => {
    fixture = await startEngineFixture()
    const { engine } = fixture
    const agentsBefore = Object.entries(await fixture.dump()).filter(([key]) =>
      key.endsWith(':agent'),
    )
    await must(
      engine.applyPlan(await must(engine.planSet('metadata-matching', 'off')), {
        command: 'set metadata-matching off',
      }),
    )
    const offState = await must(engine.readSwitchStates())
    expect(
      offState.switchboard.switches.find(status => status.id === 'metadata-matching')?.state,
    ).toBe('off')
    const onPlan = await must(engine.planSet('metadata-matching', 'on'))
    expect(onPlan.skipped).toEqual([])
    await must(engine.applyPlan(onPlan, { command: 'set metadata-matching on' }))
    const agentsAfter = Object.entries(await fixture.dump()).filter(([key]) =>
      key.endsWith(':agent'),
    )
    expect(agentsAfter).toEqual(agentsBefore)
  })

  it('rolls back when the third PUT fails, says which step failed, and leaves the server as it was', async () => {
    fixture = await startEngineFixture()
    const { engine } = fixture
    const before = await fixture.dump()
    const plan = await must(engine.planProfile('lockdown'))
    await fixture.fault('fail-put', { n: '3' })
    const result = await engine.applyPlan(plan, { command: 'apply lockdown', profile: 'lockdown' })
    expect(result.ok).toBe(false)
    const message = result.ok ? '' : result.error.message
    expect(result.ok ? null : result.error.kind).toBe('applyFailed')
    expect(message).toContain(`step 3 of ${plan.steps.length}`)
    expect(message).toContain('rolled back')
    expect(await fixture.dump()).toEqual(before)
    const audit = await fixture.store.audit()
    expect(audit.map(entry => entry.outcome)).toEqual([
      'applied',
      'applied',
      'failed',
      'rolled-back',
      'rolled-back',
    ])
    expect(await engine.history()).toEqual([])
  })

  it('refuses to overwrite a value another admin changed after the plan was read, unless forced', async () => {
    fixture = await startEngineFixture()
    const { engine } = fixture
    const plan = await must(engine.planSet('relay', 'off'))
    await fixture.fault('other-admin', { id: 'RelayEnabled', value: '0' })
    await fixture.fault('other-admin', { id: 'RelayEnabled', value: '1' })
    const unchanged = await engine.applyPlan(plan, { command: 'set relay off' })
    expect(unchanged.ok).toBe(true)

    const second = await must(engine.planProfile('lockdown'))
    await fixture.fault('other-admin', { id: 'sendCrashReports', value: '0' })
    const refused = await engine.applyPlan(second, { command: 'apply lockdown' })
    expect(refused).toMatchObject({ ok: false, error: { kind: 'conflict' } })
    expect(refused.ok ? '' : refused.error.message).toMatch(
      /sendCrashReports \(planned from true, now false\).*--force/,
    )
    const forced = await engine.applyPlan(second, { command: 'apply lockdown', force: true })
    expect(forced.ok).toBe(true)
  })

  it('walks back through the history with repeated undo', async () => {
    fixture = await startEngineFixture()
    const { engine } = fixture
    const start = await fixture.dump()
    await must(
      engine.applyPlan(await must(engine.planSet('relay', 'off')), { command: 'set relay off' }),
    )
    const afterRelay = await fixture.dump()
    await must(
      engine.applyPlan(await must(engine.planSet('crash-reports', 'off')), {
        command: 'set crash-reports off',
      }),
    )
    await must(engine.undoLast())
    expect(await fixture.dump()).toEqual(afterRelay)
    await must(engine.undoLast())
    expect(await fixture.dump()).toEqual(start)
    expect(await engine.undoLast()).toMatchObject({ ok: false, error: { kind: 'nothingToUndo' } })
  })

  it('reports a switch this server version lacks as unavailable, not an error', async () => {
    const invented: SwitchEntry = {
      ...(switchCatalog[0] as SwitchEntry),
      id: 'invented',
      targets: [{ kind: 'server-pref', prefId: 'NoSuchPrefAnywhere', on: true, off: false }],
    }
    const aliased: SwitchEntry = {
      ...invented,
      id: 'aliased',
      targets: [
        {
          kind: 'server-pref',
          prefId: 'NewNameOfRelay',
          aliases: ['RelayEnabled'],
          on: true,
          off: false,
        },
      ],
    }
    fixture = await startEngineFixture({ catalog: [invented, aliased] })
    const reading = await must(fixture.engine.readSwitchStates())
    expect(reading.switchboard.switches.map(status => [status.id, status.state])).toEqual([
      ['invented', 'unavailable'],
      ['aliased', 'on'],
    ])
    expect(reading.switchboard.switches[0]?.reason).toBe(
      'this server has no setting NoSuchPrefAnywhere',
    )
    expect(reading.switchboard.switches[1]?.targets[0]?.key).toBe('pref:RelayEnabled')
  })

  it('says unknown, with the reason, for account switches when plex.tv cannot be reached', async () => {
    fixture = await startEngineFixture()
    await fixture.fault('plex-tv', { down: '1' })
    const reading = await must(fixture.engine.readSwitchStates())
    const usage = reading.switchboard.switches.find(status => status.id === 'usage-data')
    expect(usage?.state).toBe('unknown')
    expect(usage?.reason).toMatch(/plex\.tv account/)
    const relay = reading.switchboard.switches.find(status => status.id === 'relay')
    expect(relay?.state).toBe('on')
    const plan = await must(fixture.engine.planProfile('private'))
    expect(plan.skipped.map(entry => entry.switchId)).toContain('usage-data')
  })
})

describe('every catalog entry against the demo server', () => {
  it('reads, turns off, and restores each available switch', async () => {
    fixture = await startEngineFixture()
    const { engine } = fixture
    const start = await fixture.dump()
    const initial = await must(engine.readSwitchStates())
    for (const status of initial.switchboard.switches) {
      if (status.state === 'unavailable') {
        continue
      }
      const off = await must(engine.planSet(status.id, 'off'))
      expect(off.steps.length > 0).toBe(status.state !== 'off')
      await must(engine.applyPlan(off, { command: `set ${status.id} off` }))
      const reading = await must(engine.readSwitchStates())
      expect(
        `${status.id}: ${reading.switchboard.switches.find(s => s.id === status.id)?.state}`,
      ).toBe(`${status.id}: off`)
      if (off.steps.length > 0) {
        await must(engine.undoLast())
      }
      const back = await must(engine.readSwitchStates())
      expect(back.switchboard.switches.find(s => s.id === status.id)).toEqual(status)
    }
    expect(await fixture.dump()).toEqual(start)
  }, 90_000)

  it('turns each switch back on after lockdown', async () => {
    fixture = await startEngineFixture()
    const { engine } = fixture
    await must(
      engine.applyPlan(await must(engine.planProfile('lockdown')), { command: 'apply lockdown' }),
    )
    const locked = await must(engine.readSwitchStates())
    for (const status of locked.switchboard.switches) {
      if (status.state !== 'off') {
        continue
      }
      const on = await must(engine.planSet(status.id, 'on'))
      await must(engine.applyPlan(on, { command: `set ${status.id} on` }))
      const reading = await must(engine.readSwitchStates())
      const state = reading.switchboard.switches.find(s => s.id === status.id)?.state
      // A free-text pref Hush never saw set stays off (Hush does not invent a value), and says so.
      const expected = on.steps.length === 0 ? 'off' : 'on'
      expect(`${status.id}: ${state === 'mixed' ? 'on' : state}`).toBe(`${status.id}: ${expected}`)
      if (on.steps.length === 0) {
        expect(on.skipped.length).toBeGreaterThan(0)
      }
    }
  }, 90_000)
})
