import type { PrivacyApi } from '../../../common/api/contract'
import { ok } from '../../../common/util/result'
import type { RemoteAccount } from '../../remote/remote-account'

type AccountMethods = Pick<
  PrivacyApi,
  'account.signIn' | 'account.signInWait' | 'account.signOut' | 'account.status'
>

/** The `account.*` methods: sign in with Plex and out; no token ever leaves through them. */
export function createAccountMethods(account: RemoteAccount, signal?: AbortSignal): AccountMethods {
  const status = async () => {
    const url = account.url()
    return { signedIn: await account.signedIn(), accountUrl: url.ok ? url.value : '' }
  }
  return {
    'account.signIn': () => account.signIn(),
    'account.signInWait': async ({ pinId, waitMs }) => {
      const waited = await account.signInWait(pinId, waitMs, signal)
      return waited.ok ? ok({ signedIn: waited.value }) : waited
    },
    'account.signOut': async () => {
      await account.signOut()
      return status()
    },
    'account.status': status,
  }
}
