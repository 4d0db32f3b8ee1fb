import { useEffect } from 'react'
import { useAppStore } from '../store/app-store-context'

/**
 * Mirrors the owner's language and theme choices onto <html>: `lang` for screen readers and
 * fonts, data attributes for the CSS variables of each theme.
 */
export function useDocumentSettings(): void {
  const language = useAppStore(s => s.settings.language)
  const theme = useAppStore(s => s.settings.theme)
  const highContrast = useAppStore(s => s.settings.highContrast)
  const colourBlindSafe = useAppStore(s => s.settings.colourBlindSafe)
  useEffect(() => {
    const root = document.documentElement
    root.lang = language === 'zh' ? 'zh-Hans' : 'en'
    root.dataset.theme = theme
    root.dataset.contrast = highContrast ? 'high' : 'normal'
    root.dataset.palette = colourBlindSafe ? 'cbs' : 'default'
  }, [language, theme, highContrast, colourBlindSafe])
}
