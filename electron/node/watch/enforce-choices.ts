import type { AppError } from '../../common/api/errors'
import type { ApplyReport, Plan } from '../../common/api/switch-schemas'
import type { DriftReport } from '../../common/api/watch-schemas'
import { ok, type Result } from '../../common/util/result'
import type { SwitchEngine } from '../switches/switch-engine'

/**
 * Puts the drifted switches back to the owner's choices through the switch engine (verification,
 * rollback, snapshot, audit entry with the command `enforce <profile>`). The history entry carries
 * no profile, so it restores choices without replacing the later `set`s (see ownerChoices).
 */
export async function enforceChoices(
  engine: SwitchEngine,
  drift: DriftReport,
): Promise<Result<ApplyReport | null, AppError>> {
  if (drift.changes.length === 0) {
    return ok(null)
  }
  const plans: Plan[] = []
  for (const change of drift.changes) {
    const plan = await engine.planSet(change.switchId, change.before)
    if (!plan.ok) {
      return plan
    }
    plans.push(plan.value)
  }
  const first = plans[0]
  const steps = plans.flatMap(plan => plan.steps)
  if (first === undefined || steps.length === 0) {
    return ok(null)
  }
  const what = drift.profile ?? 'choices'
  const merged: Plan = {
    title: `Enforce the ${what} (${drift.changes.map(change => change.switchId).join(', ')})`,
    profile: null,
    steps,
    breaks: plans.flatMap(plan => plan.breaks),
    readAt: first.readAt,
  }
  return engine.applyPlan(merged, { command: `enforce ${what}`, profile: null })
}
