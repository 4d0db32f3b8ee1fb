import type { AppError } from '../../common/api/errors'
import type { AccountPreview } from '../../common/api/preview-schemas'
import type { Language } from '../../common/i18n/localized-text'
import { switchCatalog } from '../../common/switches/catalog'
import type { SwitchEntry, SwitchTarget } from '../../common/switches/switch-types'
import { ok, type Result } from '../../common/util/result'
import type { PlexAccountClient } from '../account/plex-account-client'

/** The account-level opt-outs and online media sources, as plex.tv reports them. */
export async function buildAccountPreview(
  account: PlexAccountClient | null,
  language: Language = 'en',
): Promise<Result<AccountPreview, AppError>> {
  const entries = switchCatalog.filter(entry => entry.targets.some(isAccountTarget))
  const caveats = entries.flatMap(entry => (entry.caveat ? [entry.caveat[language]] : []))
  if (account === null) {
    return ok({
      reachable: false,
      reason: 'No plex.tv account is linked to this server.',
      settings: [],
      caveats,
    })
  }
  const user = await account.user()
  if (!user.ok) {
    return ok({ reachable: false, reason: user.error.message, settings: [], caveats })
  }
  const privacy = await account.privacy()
  const optOuts = await account.optOuts(user.value.uuid)
  const viewState = await account.viewStateSync()
  const settings: AccountPreview['settings'] = []
  for (const entry of entries) {
    for (const target of entry.targets.filter(isAccountTarget)) {
      settings.push({
        switchId: entry.id,
        label: targetLabel(entry, target, language),
        value: readValue(target, { privacy, optOuts, viewState }),
      })
    }
  }
  const failed = [privacy, optOuts, viewState].find(result => !result.ok)
  return ok({
    reachable: true,
    reason: failed && !failed.ok ? failed.error.message : null,
    settings,
    caveats,
  })
}

function isAccountTarget(target: SwitchTarget): boolean {
  return (
    target.kind === 'account-privacy' ||
    target.kind === 'account-opt-out' ||
    target.kind === 'account-view-state-sync'
  )
}

function targetLabel(entry: SwitchEntry, target: SwitchTarget, language: Language): string {
  const title = entry.title[language]
  switch (target.kind) {
    case 'account-privacy':
      return `${title} (${target.field})`
    case 'account-opt-out':
      return `${title} (${target.key})`
    default:
      return title
  }
}

interface AccountReads {
  readonly privacy: Awaited<ReturnType<PlexAccountClient['privacy']>>
  readonly optOuts: Awaited<ReturnType<PlexAccountClient['optOuts']>>
  readonly viewState: Awaited<ReturnType<PlexAccountClient['viewStateSync']>>
}

function readValue(target: SwitchTarget, reads: AccountReads): string | null {
  switch (target.kind) {
    case 'account-privacy':
      return reads.privacy.ok ? (reads.privacy.value[target.field] ? 'opted out' : 'shared') : null
    case 'account-opt-out':
      return reads.optOuts.ok ? (reads.optOuts.value[target.key] ?? 'not listed') : null
    case 'account-view-state-sync':
      return reads.viewState.ok ? (reads.viewState.value ? 'syncing' : 'not syncing') : null
    default:
      return null
  }
}
