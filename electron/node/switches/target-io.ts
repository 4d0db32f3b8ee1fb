import { appError, type AppError } from '../../common/api/errors'
import type { SettingValue } from '../../common/switches/switch-types'
import { err, ok, type Result } from '../../common/util/result'
import type { OptOutValue, PlexAccountClient } from '../account/plex-account-client'
import type { PlexClient } from '../server/plex-client'
import { parsePlexBool } from '../server/plex-values'
import type { TargetRef } from './target-keys'

/** Reads and writes one target at a time: one request per write. */
export interface TargetIo {
  read(ref: TargetRef): Promise<Result<SettingValue, AppError>>
  write(ref: TargetRef, value: SettingValue): Promise<Result<void, AppError>>
}

const optOutValues: readonly string[] = ['opt_in', 'opt_out', 'opt_out_managed']

/** Target reads and writes over the server client and (for account targets) the account client. */
export function createTargetIo(client: PlexClient, account: PlexAccountClient | null): TargetIo {
  let uuid: string | undefined
  const needAccount = (): Result<PlexAccountClient, AppError> =>
    account === null
      ? err(
          appError(
            'accountUnavailable',
            'the plex.tv account cannot be reached: no account token is known',
          ),
        )
      : ok(account)
  async function accountUuid(client: PlexAccountClient): Promise<Result<string, AppError>> {
    if (uuid !== undefined) {
      return ok(uuid)
    }
    const user = await client.user()
    if (!user.ok) {
      return user
    }
    uuid = user.value.uuid
    return ok(uuid)
  }
  const asBool = (value: SettingValue, what: string): Result<boolean, AppError> => {
    const flag = parsePlexBool(value)
    return flag === undefined
      ? err(appError('invalidInput', `${what} takes true or false, not "${String(value)}"`))
      : ok(flag)
  }

  return {
    async read(ref) {
      switch (ref.kind) {
        case 'server-pref': {
          const setting = await client.pref(ref.prefId)
          return setting.ok ? ok(setting.value.value) : setting
        }
        case 'library-pref': {
          const prefs = await client.sectionPrefs(ref.section)
          if (!prefs.ok) {
            return prefs
          }
          const setting = prefs.value.find(entry => entry.id === ref.prefId)
          return setting
            ? ok(setting.value)
            : err(appError('settingUnknown', `library ${ref.section} has no setting ${ref.prefId}`))
        }
        case 'library-agent': {
          const sections = await client.sections()
          if (!sections.ok) {
            return sections
          }
          const section = sections.value.find(entry => entry.key === ref.section)
          return section
            ? ok(section.agent)
            : err(appError('settingUnknown', `this server has no library ${ref.section}`))
        }
        default: {
          const reach = needAccount()
          if (!reach.ok) {
            return reach
          }
          if (ref.kind === 'account-privacy') {
            const privacy = await reach.value.privacy()
            return privacy.ok ? ok(privacy.value[ref.field]) : privacy
          }
          if (ref.kind === 'account-view-state-sync') {
            return reach.value.viewStateSync()
          }
          const id = await accountUuid(reach.value)
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
        }
      }
    },

    async write(ref, value) {
      switch (ref.kind) {
        case 'server-pref':
          return client.setPrefs({ [ref.prefId]: value })
        case 'library-pref':
          // setSection re-reads and re-sends the library's current agent, as PMS requires.
          return client.setSection(ref.section, { prefs: { [ref.prefId]: value } })
        case 'library-agent':
          return client.setSection(ref.section, { agent: String(value) })
        default: {
          const reach = needAccount()
          if (!reach.ok) {
            return reach
          }
          if (ref.kind === 'account-privacy') {
            const flag = asBool(value, ref.field)
            return flag.ok ? reach.value.setPrivacy({ [ref.field]: flag.value }) : flag
          }
          if (ref.kind === 'account-view-state-sync') {
            const flag = asBool(value, 'view state sync')
            return flag.ok ? reach.value.setViewStateSync(flag.value) : flag
          }
          if (!optOutValues.includes(String(value))) {
            return err(
              appError(
                'invalidInput',
                `an online source takes opt_in or opt_out, not "${String(value)}"`,
              ),
            )
          }
          const id = await accountUuid(reach.value)
          return id.ok ? reach.value.setOptOut(id.value, ref.key, String(value) as OptOutValue) : id
        }
      }
    },
  }
}
