import { afterEach, describe, expect, it } from 'vitest'
import { parseDuration } from './parse-duration'
import { startEngineFixture, type EngineFixture } from './testing/engine-fixture'

let fixture: EngineFixture | undefined
afterEach(async () => {
  await fixture?.cleanup()
  fixture = undefined
})

describe('durations', () => {
  it('reads 90s, 30m, 2h, 1h30m and 1d, and nothing else', () => {
    expect([
      parseDuration('90s'),
      parseDuration('30m'),
      parseDuration('2h'),
      parseDuration('1h30m'),
      parseDuration('1d'),
    ]).toEqual([90, 1800, 7200, 5400, 86_400])
    expect([
      parseDuration('soon'),
      parseDuration('0m'),
      parseDuration('5'),
      parseDuration('-1h'),
    ]).toEqual([undefined, undefined, undefined, undefined])
  })
})

describe('a switch set for a while', () => {
  it('shows until when it ends, and is undone once the time is up', async () => {
    let clock = Date.parse('2026-11-29T06:00:00Z')
    fixture = await startEngineFixture({ now: () => new Date(clock) })
    const { engine } = fixture
    const plan = await engine.planSet('relay', 'off')
    expect(plan.ok).toBe(true)
    if (!plan.ok) {
      return
    }
    const report = await engine.applyPlan(plan.value, {
      command: 'set relay off --for 2h',
      forSeconds: 7200,
    })
    expect(report.ok && report.value.message).toMatch(/Until 2026-11-29T08:00:00.000Z\./)
    const during = await engine.readSwitchStates()
    const relay = during.ok
      ? during.value.switchboard.switches.find(status => status.id === 'relay')
      : undefined
    expect(relay).toMatchObject({ state: 'off', until: '2026-11-29T08:00:00.000Z' })
    expect(await engine.revertExpired()).toEqual([])

    clock += 2 * 3600_000
    const reverted = await engine.revertExpired()
    expect(reverted).toHaveLength(1)
    expect(reverted[0]?.ok).toBe(true)
    expect((await fixture.dump())['pref:RelayEnabled']).toBe(true)
    const after = await engine.readSwitchStates()
    expect(
      after.ok && after.value.switchboard.switches.find(status => status.id === 'relay')?.until,
    ).toBeNull()
    expect(await engine.revertExpired()).toEqual([])
    const audit = await fixture.store.audit()
    expect(audit.at(-1)).toMatchObject({
      command: 'revert relay (time is up)',
      before: false,
      after: true,
    })
  })
})
