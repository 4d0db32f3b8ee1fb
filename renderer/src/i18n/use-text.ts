import type { Language } from '../../../electron/common/i18n/localized-text'
import { useAppStore } from '../store/app-store-context'
import type { Messages } from './messages-en'
import { messagesFor } from './messages'

/** The dashboard's strings in the owner's language. */
export function useText(): Messages {
  return messagesFor(useAppStore(s => s.settings.language))
}

/** The owner's language, for catalog texts and dates. */
export function useLanguage(): Language {
  return useAppStore(s => s.settings.language)
}
