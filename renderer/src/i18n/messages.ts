import type { Language } from '../../../electron/common/i18n/localized-text'
import { en, type Messages } from './messages-en'
import { zh } from './messages-zh'

const dictionaries: Readonly<Record<Language, Messages>> = { en, zh }

/** The dictionary of a language. */
export function messagesFor(language: Language): Messages {
  return dictionaries[language]
}
