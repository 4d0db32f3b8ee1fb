import { redactText } from '../../common/outbound/redact'
import { isSecretName } from '../../common/outbound/secret-names'
import type { SettingValue } from '../../common/switches/switch-types'
import { parseTargetKey } from './targets/target-adapters'

// The owner's account identity, which the server reports among its prefs (`/:/prefs`).
const accountIdentity = /^PlexOnline(?:Mail|Username|Home|Token)$/i

/**
 * The values a snapshot keeps, without the owner's identity and secrets: the account e-mail, name
 * and token prefs are dropped, so is a text pref whose name says it is a secret (a certificate
 * key), and an e-mail address inside any other text is masked. Snapshots are a record; undo
 * restores from the history's steps.
 */
export function snapshotSafeValues(
  values: Readonly<Record<string, SettingValue>>,
): Record<string, SettingValue> {
  const kept: Record<string, SettingValue> = {}
  for (const [target, value] of Object.entries(values)) {
    const ref = parseTargetKey(target)
    const name = ref && 'prefId' in ref ? ref.prefId : target
    if (accountIdentity.test(name) || (typeof value === 'string' && isSecretName(name))) {
      continue
    }
    kept[target] = typeof value === 'string' ? redactText(value) : value
  }
  return kept
}
