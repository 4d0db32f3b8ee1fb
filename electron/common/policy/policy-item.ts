import type { LocalizedText } from '../i18n/localized-text'

/** The parts of the Plex privacy policy (2020) whose items Hush cites. */
export type PolicyPart = 'collect' | 'use' | 'security' | 'access' | 'choices'

/** A reference to one numbered item of the Plex privacy policy (2020). */
export interface PolicyItem {
  readonly part: PolicyPart
  readonly item: number
}

const partTitles: Readonly<Record<PolicyPart, LocalizedText>> = {
  collect: { en: 'Information we collect', zh: '我们收集的信息' },
  use: { en: 'How the information is used', zh: '信息的使用方式' },
  security: { en: 'Security', zh: '安全' },
  access: { en: 'Access and changes', zh: '访问与更改' },
  choices: { en: 'Your choices', zh: '您的选择' },
}

/** The citation of a policy item in the owner's language, e.g. "Privacy Policy 2020, Information we collect, item 3". */
export function citePolicyItem(ref: PolicyItem, language: 'en' | 'zh'): string {
  const part = partTitles[ref.part][language]
  return language === 'en'
    ? `Privacy Policy 2020, ${part}, item ${ref.item}`
    : `隐私政策（2020），${part}，第 ${ref.item} 条`
}

/** A compact machine form of a policy item, e.g. `collect-3`, used in JSON output and the log. */
export function policyItemKey(ref: PolicyItem): string {
  return `${ref.part}-${ref.item}`
}

/**
 * Several policy items cited compactly, items of one part together: "Privacy Policy 2020,
 * Information we collect, items 8, 12".
 */
export function citePolicyItems(refs: readonly PolicyItem[], language: 'en' | 'zh'): string {
  const parts = [...new Set(refs.map(ref => ref.part))]
  const cited = parts.map(part => {
    const items = refs.filter(ref => ref.part === part).map(ref => ref.item)
    const title = partTitles[part][language]
    if (language === 'zh') {
      return `${title}，第 ${items.join('、')} 条`
    }
    return `${title}, ${items.length > 1 ? 'items' : 'item'} ${items.join(', ')}`
  })
  return language === 'en'
    ? `Privacy Policy 2020, ${cited.join('; ')}`
    : `隐私政策（2020），${cited.join('；')}`
}
