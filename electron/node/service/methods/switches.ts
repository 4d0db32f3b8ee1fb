import type { ApiEvents, PrivacyApi } from '../../../common/api/contract'
import { appError, type AppError } from '../../../common/api/errors'
import type { EventHub } from '../../../common/util/event-hub'
import { err, ok, type Result } from '../../../common/util/result'
import type { ActiveSession, SessionSource } from '../active-session'
import type { NotifyOwner } from '../owner-notices'

type SwitchMethods = Pick<
  PrivacyApi,
  | 'switches.status'
  | 'switches.planProfile'
  | 'switches.planSet'
  | 'switches.apply'
  | 'switches.set'
  | 'switches.undo'
>

/** What the `switches.*` methods work with. */
export interface SwitchMethodsDeps {
  readonly session: SessionSource
  readonly events: EventHub<ApiEvents>
  readonly notify: NotifyOwner
  /** Stops an apply, set or undo between steps, rolling back (the CLI's Ctrl-C). */
  readonly changeSignal?: AbortSignal
}

/** The `switches.*` methods over the active session's switch engine. */
export function createSwitchMethods(deps: SwitchMethodsDeps): SwitchMethods {
  const told = new WeakMap<ActiveSession, number>()
  const signal = deps.changeSignal
  /** Runs on the session, then tells the owner of switch files found corrupt on the way. */
  const withSession = async <T>(
    run: (session: ActiveSession) => Promise<Result<T, AppError>>,
  ): Promise<Result<T, AppError>> => {
    const session = await deps.session()
    if (!session.ok) {
      return session
    }
    try {
      return await run(session.value)
    } finally {
      const warnings = session.value.store.warnings()
      for (const repaired of warnings.slice(told.get(session.value) ?? 0)) {
        deps.notify({ kind: 'fileRepaired', ...repaired })
      }
      told.set(session.value, warnings.length)
    }
  }
  const changed = <T>(
    result: Result<T, AppError>,
    reason: ApiEvents['switches.changed']['reason'],
  ) => {
    if (result.ok) {
      deps.events.emit('switches.changed', { reason })
    }
    return result
  }
  return {
    'switches.status': () =>
      withSession(async ({ engine }) => {
        const reading = await engine.readSwitchStates()
        return reading.ok ? ok(reading.value.switchboard) : reading
      }),
    'switches.planProfile': ({ profile }) =>
      withSession(async ({ engine }) => {
        const plan = await engine.planProfile(profile)
        return plan.ok ? ok({ ...plan.value, profile }) : plan
      }),
    'switches.planSet': ({ switchId, value }) =>
      withSession(({ engine }) => engine.planSet(switchId, value)),
    'switches.apply': ({ plan, force }) =>
      withSession(async ({ engine }) => {
        const report = await engine.applyPlan(plan, {
          command: plan.profile ? `apply ${plan.profile}` : `apply ${plan.title}`,
          profile: plan.profile ?? null,
          force,
          signal,
        })
        return changed(report, 'apply')
      }),
    'switches.set': ({ switchId, value, forSeconds, force, plan: shown }) =>
      withSession(async ({ engine }) => {
        if (shown?.steps.some(step => step.switchId !== switchId)) {
          return err(appError('invalidInput', `that plan changes more than ${switchId}`))
        }
        const plan = shown ? ok(shown) : await engine.planSet(switchId, value)
        if (!plan.ok) {
          return plan
        }
        const report = await engine.applyPlan(plan.value, {
          command: `set ${switchId} ${value}`,
          force,
          forSeconds,
          signal,
        })
        return changed(report, 'set')
      }),
    'switches.undo': ({ force }) =>
      withSession(async ({ engine }) => changed(await engine.undoLast({ force, signal }), 'undo')),
  }
}
