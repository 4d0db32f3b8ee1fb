import { ok } from '../../../common/util/result'
import { sameSettingValue } from '../../server/plex-values'
import { accountFlag, accountInstance, resolveAccountTarget } from './account-targets'
import type { TargetAdapter } from './target-adapter'

/** One privacy flag of the plex.tv account. */
export interface AccountPrivacyRef {
  readonly kind: 'account-privacy'
  readonly field: 'optOutPlayback' | 'optOutLibraryStats'
}

const key = (ref: AccountPrivacyRef) => `account:privacy:${ref.field}`

/** An account privacy flag on plex.tv (`/api/v2/user/privacy`): the flag set is the switch off. */
export const accountPrivacyTarget: TargetAdapter<'account-privacy', AccountPrivacyRef> = {
  source: 'privacy',
  planOrder: 3,

  resolve: (target, live) =>
    resolveAccountTarget(
      target,
      live,
      account => account.privacy,
      privacy => {
        const ref: AccountPrivacyRef = { kind: 'account-privacy', field: target.field }
        const optedOut = privacy[target.field]
        return accountInstance({
          ref,
          key: key(ref),
          label: `plex.tv account: ${target.field}`,
          target,
          value: optedOut,
          position: accountPrivacyTarget.position(target, optedOut),
        })
      },
    ),

  async read(ref, io) {
    const reach = io.account()
    if (!reach.ok) {
      return reach
    }
    const privacy = await reach.value.privacy()
    return privacy.ok ? ok(privacy.value[ref.field]) : privacy
  },

  async write(ref, value, io) {
    const reach = io.account()
    if (!reach.ok) {
      return reach
    }
    const flag = accountFlag(value, ref.field)
    return flag.ok ? reach.value.setPrivacy({ [ref.field]: flag.value }) : flag
  },

  key,

  parseKey(text) {
    const field = /^account:privacy:(optOutPlayback|optOutLibraryStats)$/.exec(text)?.[1]
    return field === 'optOutPlayback' || field === 'optOutLibraryStats'
      ? { kind: 'account-privacy', field }
      : undefined
  },

  matches: (target, ref) => target.field === ref.field,

  // The account stores the opt-out: opted out is the switch off.
  position: (_target, value) => (sameSettingValue(value, true) ? 'off' : 'on'),

  desired: (_target, _instance, wish) => ({ value: wish === 'off' }),

  remembers: () => false,

  // Snapshots keep the server's values; the account's are in each apply's steps.
  snapshot: () => ({}),
}
