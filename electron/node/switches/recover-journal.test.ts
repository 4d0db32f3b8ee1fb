import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { showNotice } from '../../common/notices/notice-texts'
import type { ApplyJournal } from './apply-journal'
import { recoverInterruptedApply } from './recover-journal'
import { startEngineFixture, type EngineFixture } from './testing/engine-fixture'
import { parseTargetKey } from './targets/target-adapters'
import { createTargetIo } from './target-io'

let fixture: EngineFixture | undefined
afterEach(async () => {
  await fixture?.cleanup()
  fixture = undefined
})

/** A journal as a Hush killed mid-apply leaves it: the first `landed` steps written. */
async function killedApply(
  fixture: EngineFixture,
  statuses: ApplyJournal['steps'][number]['status'][],
): Promise<ApplyJournal> {
  const plan = await fixture.engine.planProfile('lockdown')
  if (!plan.ok) {
    throw new Error(plan.error.message)
  }
  const io = createTargetIo(fixture.client, null)
  const steps = plan.value.steps
    .filter(step => step.target.startsWith('pref:'))
    .slice(0, statuses.length)
  for (const [index, step] of steps.entries()) {
    const ref = parseTargetKey(step.target)
    if (statuses[index] === 'applied' && ref && step.after !== null) {
      await io.write(ref, step.after)
    }
  }
  const journal: ApplyJournal = {
    version: 1,
    id: '20250804-200000-abcdef',
    serverId: fixture.demo.machineIdentifier,
    command: 'apply lockdown',
    profile: 'lockdown',
    title: 'Apply the lockdown profile',
    kind: 'apply',
    startedAt: '2025-08-04T20:00:00.000Z',
    state: 'in-progress',
    steps: steps.map((step, index) => ({ ...step, status: statuses[index] ?? 'pending' })),
  }
  await fixture.store.saveJournal(journal)
  return journal
}

describe('an apply journal left behind', () => {
  it('becomes an interrupted history entry that undo restores, a write that never landed included', async () => {
    fixture = await startEngineFixture()
    const before = await fixture.dump()
    await killedApply(fixture, ['applied', 'applied', 'writing', 'pending'])
    const notice = await recoverInterruptedApply(fixture.store)
    expect(notice && showNotice(notice, 'en').body).toMatch(
      /was interrupted after 3 changes of 4; hush undo restores/,
    )
    expect(await fixture.store.journal()).toBeNull()
    const [entry] = await fixture.engine.history()
    expect(entry).toMatchObject({
      title: 'Apply the lockdown profile (interrupted)',
      undoneAt: null,
    })
    expect(entry?.steps).toHaveLength(3)
    const audit = await fixture.store.audit()
    expect(audit.map(row => row.detail)).toEqual([
      'the apply was interrupted after this change',
      'the apply was interrupted after this change',
      'the apply was interrupted while writing this change; it may not have landed',
    ])
    const reading = await fixture.engine.readSwitchStates()
    expect(reading.ok && reading.value.switchboard.interrupted).toMatchObject({ changed: 3, of: 4 })
    const undone = await fixture.engine.undoLast()
    expect(undone.ok).toBe(true)
    expect(undone.ok && undone.value.applied).toHaveLength(2)
    expect(await fixture.dump()).toEqual(before)
  }, 60_000)

  it('is recovered by the next apply before it writes its own', async () => {
    fixture = await startEngineFixture()
    const before = await fixture.dump()
    await killedApply(fixture, ['applied'])
    const plan = await fixture.engine.planSet('relay', 'off')
    expect(plan.ok).toBe(true)
    if (plan.ok) {
      expect((await fixture.engine.applyPlan(plan.value, { command: 'set relay off' })).ok).toBe(
        true,
      )
    }
    expect((await fixture.engine.history()).map(entry => entry.title)).toEqual([
      'Apply the lockdown profile (interrupted)',
      'Turn relay off',
    ])
    expect((await fixture.engine.undoLast()).ok).toBe(true)
    expect((await fixture.engine.undoLast()).ok).toBe(true)
    expect(await fixture.dump()).toEqual(before)
  }, 60_000)

  it('is left alone while the Hush that writes it is alive', async () => {
    fixture = await startEngineFixture()
    await killedApply(fixture, ['applied'])
    const lock = join(fixture.store.dir, 'apply.lock')
    await writeFile(lock, JSON.stringify({ pid: process.pid, at: new Date().toISOString() }))
    expect(await recoverInterruptedApply(fixture.store)).toBeNull()
    expect(await fixture.store.journal()).not.toBeNull()
  })
})
