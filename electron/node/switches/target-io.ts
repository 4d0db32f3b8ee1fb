import { appError, type AppError } from '../../common/api/errors'
import type { SettingValue } from '../../common/switches/switch-types'
import { err, ok, type Result } from '../../common/util/result'
import type { PlexAccountClient } from '../account/plex-account-client'
import type { PlexClient } from '../server/plex-client'
import type { TargetIoContext } from './targets/target-adapter'
import { adapterOf, type TargetRef } from './targets/target-adapters'

/** Reads and writes one target at a time: one request per write. */
export interface TargetIo {
  read(ref: TargetRef): Promise<Result<SettingValue, AppError>>
  write(ref: TargetRef, value: SettingValue): Promise<Result<void, AppError>>
}

/** Target reads and writes over the server client and (for account targets) the account client. */
export function createTargetIo(client: PlexClient, account: PlexAccountClient | null): TargetIo {
  let uuid: string | undefined
  const context: TargetIoContext = {
    client,
    account: () =>
      account === null
        ? err(
            appError(
              'accountUnavailable',
              'the plex.tv account cannot be reached: no account token is known',
            ),
          )
        : ok(account),
    async accountUuid(reach) {
      if (uuid !== undefined) {
        return ok(uuid)
      }
      const user = await reach.user()
      if (!user.ok) {
        return user
      }
      uuid = user.value.uuid
      return ok(uuid)
    },
  }
  return {
    read: ref => adapterOf(ref.kind).read(ref, context),
    write: (ref, value) => adapterOf(ref.kind).write(ref, value, context),
  }
}
