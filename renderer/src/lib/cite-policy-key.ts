import type { Language } from '../../../electron/common/i18n/localized-text'
import { citePolicyItem, type PolicyPart } from '../../../electron/common/policy/policy-item'

const parts: readonly PolicyPart[] = ['collect', 'use', 'security', 'access', 'choices']

/** Cites a policy item given in its machine form (`collect-3`); other text is shown as it is. */
export function citePolicyKey(key: string, language: Language): string {
  const match = /^([a-z]+)-(\d+)$/.exec(key)
  const part = match?.[1] as PolicyPart | undefined
  return match && part && parts.includes(part)
    ? citePolicyItem({ part, item: Number(match[2]) }, language)
    : key
}
