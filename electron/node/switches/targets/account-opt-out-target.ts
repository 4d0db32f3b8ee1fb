import { appError } from '../../../common/api/errors'
import { err, ok } from '../../../common/util/result'
import type { OptOutValue } from '../../account/plex-account-client'
import { accountInstance, resolveAccountTarget } from './account-targets'
import type { TargetAdapter } from './target-adapter'

/** One online media source of the plex.tv account. */
export interface AccountOptOutRef {
  readonly kind: 'account-opt-out'
  readonly key: string
}

const key = (ref: AccountOptOutRef) => `account:opt-out:${ref.key}`

const optOutValues: readonly string[] = ['opt_in', 'opt_out', 'opt_out_managed']

/** An online media source opt-out on plex.tv (`/api/v2/user/{uuid}/settings/opt_outs`). */
export const accountOptOutTarget: TargetAdapter<'account-opt-out', AccountOptOutRef> = {
  source: 'optOuts',
  planOrder: 3,

  resolve: (target, live) =>
    resolveAccountTarget(
      target,
      live,
      account => account.optOuts,
      optOuts => {
        const value = optOuts[target.key]
        if (value === undefined) {
          const reason = `the account has no online source ${target.key}`
          return { instances: [], missing: [{ target, reason, state: 'unavailable' }] }
        }
        const ref: AccountOptOutRef = { kind: 'account-opt-out', key: target.key }
        return accountInstance({
          ref,
          key: key(ref),
          label: `plex.tv account: ${target.key}`,
          target,
          value,
          position: accountOptOutTarget.position(target, value),
        })
      },
    ),

  async read(ref, io) {
    const reach = io.account()
    if (!reach.ok) {
      return reach
    }
    const id = await io.accountUuid(reach.value)
    if (!id.ok) {
      return id
    }
    const optOuts = await reach.value.optOuts(id.value)
    if (!optOuts.ok) {
      return optOuts
    }
    const value = optOuts.value[ref.key]
    return value === undefined
      ? err(appError('settingUnknown', `the account has no online source ${ref.key}`))
      : ok(value)
  },

  async write(ref, value, io) {
    const reach = io.account()
    if (!reach.ok) {
      return reach
    }
    if (!optOutValues.includes(String(value))) {
      return err(
        appError(
          'invalidInput',
          `an online source takes opt_in or opt_out, not "${String(value)}"`,
        ),
      )
    }
    const id = await io.accountUuid(reach.value)
    return id.ok ? reach.value.setOptOut(id.value, ref.key, String(value) as OptOutValue) : id
  },

  key,

  parseKey(text) {
    const source = /^account:opt-out:(.+)$/.exec(text)?.[1]
    return source ? { kind: 'account-opt-out', key: source } : undefined
  },

  matches: (target, ref) => target.key === ref.key,

  position: (_target, value) => (value === 'opt_in' ? 'on' : 'off'),

  desired: (_target, _instance, wish) => ({ value: wish === 'off' ? 'opt_out' : 'opt_in' }),

  remembers: () => false,

  // Snapshots keep the server's values; the account's are in each apply's steps.
  snapshot: () => ({}),
}
