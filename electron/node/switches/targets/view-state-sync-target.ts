import { sameSettingValue } from '../../server/plex-values'
import { accountFlag, accountInstance, resolveAccountTarget } from './account-targets'
import type { TargetAdapter } from './target-adapter'

/** The account's watch-state and ratings sync: there is one. */
export interface ViewStateSyncRef {
  readonly kind: 'account-view-state-sync'
}

const viewStateSyncKey = 'account:view-state-sync'

/** Watch-state and ratings sync on plex.tv (`/api/v2/user/view_state_sync`): consent is on. */
export const viewStateSyncTarget: TargetAdapter<'account-view-state-sync', ViewStateSyncRef> = {
  source: 'viewStateSync',
  planOrder: 3,

  resolve: (target, live) =>
    resolveAccountTarget(
      target,
      live,
      account => account.viewStateSync,
      consent =>
        accountInstance({
          ref: { kind: 'account-view-state-sync' },
          key: viewStateSyncKey,
          label: 'plex.tv account: view state sync',
          target,
          value: consent,
          position: viewStateSyncTarget.position(target, consent),
        }),
    ),

  read(_ref, io) {
    const reach = io.account()
    return reach.ok ? reach.value.viewStateSync() : Promise.resolve(reach)
  },

  async write(_ref, value, io) {
    const reach = io.account()
    if (!reach.ok) {
      return reach
    }
    const flag = accountFlag(value, 'view state sync')
    return flag.ok ? reach.value.setViewStateSync(flag.value) : flag
  },

  key: () => viewStateSyncKey,

  parseKey: text => (text === viewStateSyncKey ? { kind: 'account-view-state-sync' } : undefined),

  matches: () => true,

  position: (_target, value) => (sameSettingValue(value, true) ? 'on' : 'off'),

  desired: (_target, _instance, wish) => ({ value: wish !== 'off' }),

  remembers: () => false,

  // Snapshots keep the server's values; the account's are in each apply's steps.
  snapshot: () => ({}),
}
