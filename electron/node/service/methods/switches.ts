import type { ApiEvents, PrivacyApi } from '../../../common/api/contract'
import type { AppError } from '../../../common/api/errors'
import type { EventHub } from '../../../common/util/event-hub'
import { ok, type Result } from '../../../common/util/result'
import type { ActiveBoard } from '../active-session'

type SwitchMethods = Pick<
  PrivacyApi,
  | 'switches.status'
  | 'switches.planProfile'
  | 'switches.planSet'
  | 'switches.apply'
  | 'switches.set'
  | 'switches.undo'
>

/** The `switches.*` methods over the active server's switch engine. */
export function createSwitchMethods(
  board: () => Result<ActiveBoard, AppError>,
  events: EventHub<ApiEvents>,
): SwitchMethods {
  const changed = <T>(
    result: Result<T, AppError>,
    reason: ApiEvents['switches.changed']['reason'],
  ) => {
    if (result.ok) {
      events.emit('switches.changed', { reason })
    }
    return result
  }
  return {
    'switches.status': async () => {
      const active = board()
      if (!active.ok) {
        return active
      }
      const reading = await active.value.engine.readSwitchStates()
      return reading.ok ? ok(reading.value.board) : reading
    },
    'switches.planProfile': async ({ profile }) => {
      const active = board()
      if (!active.ok) {
        return active
      }
      const plan = await active.value.engine.planProfile(profile)
      return plan.ok ? ok({ ...plan.value, profile }) : plan
    },
    'switches.planSet': async ({ switchId, value }) => {
      const active = board()
      return active.ok ? active.value.engine.planSet(switchId, value) : active
    },
    'switches.apply': async ({ plan, force }) => {
      const active = board()
      if (!active.ok) {
        return active
      }
      const report = await active.value.engine.applyPlan(plan, {
        command: plan.profile ? `apply ${plan.profile}` : `apply ${plan.title}`,
        profile: plan.profile ?? null,
        force,
      })
      return changed(report, 'apply')
    },
    'switches.set': async ({ switchId, value, forSeconds }) => {
      const active = board()
      if (!active.ok) {
        return active
      }
      const plan = await active.value.engine.planSet(switchId, value)
      if (!plan.ok) {
        return plan
      }
      const report = await active.value.engine.applyPlan(plan.value, {
        command: `set ${switchId} ${value}`,
        forSeconds,
      })
      return changed(report, 'set')
    },
    'switches.undo': async () => {
      const active = board()
      return active.ok ? changed(await active.value.engine.undoLast(), 'undo') : active
    },
  }
}
