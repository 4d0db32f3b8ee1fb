import type { AppError } from '../../common/api/errors'
import type { SwitchEntry } from '../../common/switches/switch-types'
import { err, ok, type Result } from '../../common/util/result'
import type { AccountPrivacy, AccountUser } from '../account/account-schemas'
import type { PlexAccountClient } from '../account/plex-account-client'
import type { PlexClient } from '../server/plex-client'
import type { PlexSection, PlexSetting } from '../server/plex-schemas'

/** One library with its prefs as read. */
export interface LiveLibrary {
  readonly section: PlexSection
  readonly prefs: ReadonlyMap<string, PlexSetting>
}

/** The account-level values, each readable or not (with the reason). */
export interface LiveAccount {
  readonly user: Result<AccountUser, AppError>
  readonly privacy: Result<AccountPrivacy, AppError>
  readonly optOuts: Result<Readonly<Record<string, string>>, AppError>
  readonly viewStateSync: Result<boolean, AppError>
}

/** Everything the switches depend on, read once. */
export interface LiveState {
  readonly readAt: string
  readonly prefs: ReadonlyMap<string, PlexSetting>
  readonly libraries: readonly LiveLibrary[]
  /** Null when no switch needs the account (or no account client is configured: see `accountProblem`). */
  readonly account: LiveAccount | null
  readonly accountProblem: string | null
}

/** What reading the live state needs. */
export interface LiveStateSource {
  readonly client: PlexClient
  /** Null when Hush has no way to reach the account (no token for it). */
  readonly account: PlexAccountClient | null
  readonly now: () => Date
}

/** Reads the server prefs, the libraries (with their prefs) and, when switches need it, the account. */
export async function readLiveState(
  source: LiveStateSource,
  catalog: readonly SwitchEntry[],
): Promise<Result<LiveState, AppError>> {
  const readAt = source.now().toISOString()
  const prefs = await source.client.prefs()
  if (!prefs.ok) {
    return prefs
  }
  const kinds = new Set(catalog.flatMap(entry => entry.targets.map(target => target.kind)))
  const libraries: LiveLibrary[] = []
  if (kinds.has('library-pref') || kinds.has('library-agent')) {
    const sections = await source.client.sections()
    if (!sections.ok) {
      return sections
    }
    for (const section of sections.value) {
      const sectionPrefs = await source.client.sectionPrefs(section.key)
      if (!sectionPrefs.ok) {
        return sectionPrefs
      }
      libraries.push({
        section,
        prefs: new Map(sectionPrefs.value.map(setting => [setting.id, setting])),
      })
    }
  }
  const needsAccount = [...kinds].some(kind => kind.startsWith('account-'))
  let account: LiveAccount | null = null
  let accountProblem: string | null = null
  if (needsAccount && source.account === null) {
    accountProblem = 'no plex.tv account token is known to Hush'
  } else if (needsAccount && source.account !== null) {
    account = await readAccount(source.account, kinds)
  }
  return ok({
    readAt,
    prefs: new Map(prefs.value.map(setting => [setting.id, setting])),
    libraries,
    account,
    accountProblem,
  })
}

async function readAccount(
  client: PlexAccountClient,
  kinds: ReadonlySet<string>,
): Promise<LiveAccount> {
  const skipped = err({ kind: 'accountUnavailable' as const, message: 'not read' })
  const user = await client.user()
  // When plex.tv cannot be reached or refuses the token, every other call would fail the same way.
  if (!user.ok) {
    return { user, privacy: user, optOuts: user, viewStateSync: user }
  }
  const privacy = kinds.has('account-privacy') ? await client.privacy() : skipped
  const optOuts = kinds.has('account-opt-out') ? await client.optOuts(user.value.uuid) : skipped
  const viewStateSync = kinds.has('account-view-state-sync')
    ? await client.viewStateSync()
    : skipped
  return { user, privacy, optOuts, viewStateSync }
}
