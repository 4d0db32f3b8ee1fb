import type { PrivacyBridge } from '../../../../electron/common/api/contract'
import type { AppError } from '../../../../electron/common/api/errors'
import type { ApplyReport, Plan, Switchboard } from '../../../../electron/common/api/switch-schemas'
import type { ProfileId } from '../../../../electron/common/switches/switch-types'
import type { Result } from '../../../../electron/common/util/result'
import type { SliceCreator } from '../app-state'
import { idle, load, loading, unexpected, type Loadable } from '../loadable'

/** The live switchboard, the plan being previewed, and the last change. */
export interface SwitchesSlice {
  readonly switchboard: Loadable<Switchboard>
  readonly plannedProfile: ProfileId | null
  readonly plan: Loadable<Plan>
  /** Whether a change (apply, set, undo) is being carried out, and for which switch. */
  readonly changing: { readonly switchId: string | null } | null
  readonly lastChange: ApplyReport | null
  readonly switchesRequested: () => Promise<void>
  readonly profilePlanned: (profile: ProfileId) => Promise<void>
  readonly planDismissed: () => void
  readonly planApplied: () => Promise<void>
  readonly switchToggled: (
    switchId: string,
    value: 'on' | 'off',
    forSeconds?: number,
  ) => Promise<void>
  readonly undoRequested: () => Promise<void>
}

/** Creates the switches slice. */
export function createSwitchesSlice(bridge: PrivacyBridge): SliceCreator<SwitchesSlice> {
  return (set, get) => {
    async function change(
      switchId: string | null,
      call: () => Promise<Result<ApplyReport, AppError>>,
    ): Promise<boolean> {
      set({ changing: { switchId } })
      let result: Result<ApplyReport, AppError>
      try {
        result = await call()
      } catch (error) {
        result = { ok: false, error: unexpected(error) }
      }
      set({ changing: null })
      if (result.ok) {
        set({ lastChange: result.value })
        get().noticeShown({ tone: 'success', text: result.value.message, undoable: true })
      } else {
        get().noticeShown({ tone: 'error', text: result.error.message, undoable: false })
      }
      await get().switchesRequested()
      return result.ok
    }

    return {
      switchboard: idle,
      plannedProfile: null,
      plan: idle,
      changing: null,
      lastChange: null,
      switchesRequested: async () => {
        set({ switchboard: loading(get().switchboard) })
        set({ switchboard: await load(() => bridge.call('switches.status', {})) })
      },
      profilePlanned: async profile => {
        set({ plannedProfile: profile, plan: { status: 'loading' } })
        const plan = await load(() => bridge.call('switches.planProfile', { profile }))
        if (get().plannedProfile === profile) {
          set({ plan })
        }
      },
      planDismissed: () => set({ plannedProfile: null, plan: idle }),
      planApplied: async () => {
        const plan = get().plan
        if (plan.status !== 'ready') {
          return
        }
        const done = await change(null, () =>
          bridge.call('switches.apply', { plan: plan.value, force: false }),
        )
        if (done) {
          set({ plannedProfile: null, plan: idle })
        }
      },
      switchToggled: async (switchId, value, forSeconds) => {
        await change(switchId, () =>
          bridge.call('switches.set', { switchId, value, ...(forSeconds ? { forSeconds } : {}) }),
        )
      },
      undoRequested: async () => {
        await change(null, () => bridge.call('switches.undo', { force: false }))
      },
    }
  }
}
