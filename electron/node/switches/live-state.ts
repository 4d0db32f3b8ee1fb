import type { AppError } from '../../common/api/errors'
import type { SettingValue, SwitchEntry } from '../../common/switches/switch-types'
import { err, ok, type Result } from '../../common/util/result'
import type { AccountPrivacy, AccountUser } from '../account/account-schemas'
import type { PlexAccountClient } from '../account/plex-account-client'
import type { PlexClient } from '../server/plex-client'
import type { PlexSection, PlexSetting } from '../server/plex-schemas'
import type { AccountPart, TargetSource } from './targets/target-adapter'
import { snapshotTargets, targetSources } from './targets/target-adapters'

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
export function readLiveState(
  source: LiveStateSource,
  catalog: readonly SwitchEntry[],
): Promise<Result<LiveState, AppError>> {
  return readSources(source, targetSources(catalog))
}

/**
 * Every value on the server a switch could be, by target key (every pref, every library's agent
 * and prefs, not the account): what a snapshot before an apply keeps.
 */
export async function readServerValues(
  client: PlexClient,
  now: () => Date,
): Promise<Result<Record<string, SettingValue>, AppError>> {
  const live = await readSources({ client, account: null, now }, new Set(['libraries']))
  return live.ok ? ok(snapshotTargets(live.value)) : live
}

async function readSources(
  source: LiveStateSource,
  sources: ReadonlySet<TargetSource>,
): Promise<Result<LiveState, AppError>> {
  const readAt = source.now().toISOString()
  const prefs = await source.client.prefs()
  if (!prefs.ok) {
    return prefs
  }
  const libraries: LiveLibrary[] = []
  if (sources.has('libraries')) {
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
  const parts = new Set(accountParts.filter(part => sources.has(part)))
  let account: LiveAccount | null = null
  let accountProblem: string | null = null
  if (parts.size > 0 && source.account === null) {
    accountProblem = 'no plex.tv account token is known to Hush'
  } else if (parts.size > 0 && source.account !== null) {
    account = await readAccount(source.account, parts)
  }
  return ok({
    readAt,
    prefs: new Map(prefs.value.map(setting => [setting.id, setting])),
    libraries,
    account,
    accountProblem,
  })
}

const accountParts: readonly AccountPart[] = ['privacy', 'optOuts', 'viewStateSync']

async function readAccount(
  client: PlexAccountClient,
  parts: ReadonlySet<AccountPart>,
): Promise<LiveAccount> {
  const skipped = err({ kind: 'accountUnavailable' as const, message: 'not read' })
  const user = await client.user()
  // When plex.tv cannot be reached or refuses the token, every other call would fail the same way.
  if (!user.ok) {
    return { user, privacy: user, optOuts: user, viewStateSync: user }
  }
  const privacy = parts.has('privacy') ? await client.privacy() : skipped
  const optOuts = parts.has('optOuts') ? await client.optOuts(user.value.uuid) : skipped
  const viewStateSync = parts.has('viewStateSync') ? await client.viewStateSync() : skipped
  return { user, privacy, optOuts, viewStateSync }
}
