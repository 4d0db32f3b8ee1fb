import { languages, type Language } from '../../../../electron/common/i18n/localized-text'
import type { AppSettings } from '../../../../electron/common/api/settings-schemas'
import { useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'

const languageNames: Readonly<Record<Language, { name: string; lang: string }>> = {
  en: { name: 'English', lang: 'en' },
  zh: { name: '简体中文', lang: 'zh-Hans' },
}

const themes: readonly AppSettings['theme'][] = ['system', 'light', 'dark']

/** Language, theme, high contrast and the colour-blind-safe palette. */
export function AppearanceCard() {
  const text = useText()
  const settings = useAppStore(s => s.settings)
  const update = useAppStore(s => s.settingsUpdateRequested)
  return (
    <section className="card" aria-labelledby="settings-appearance">
      <h2 id="settings-appearance">{text.settings.appearance}</h2>
      <fieldset className="choice-group">
        <legend className="field-label">{text.settings.language}</legend>
        {languages.map(language => (
          <label key={language} className="check" lang={languageNames[language].lang}>
            <input
              type="radio"
              name="language"
              checked={settings.language === language}
              onChange={() => void update({ language })}
            />
            {languageNames[language].name}
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-group">
        <legend className="field-label">{text.settings.theme}</legend>
        {themes.map(theme => (
          <label key={theme} className="check">
            <input
              type="radio"
              name="theme"
              checked={settings.theme === theme}
              onChange={() => void update({ theme })}
            />
            {text.settings.themes[theme]}
          </label>
        ))}
      </fieldset>
      <div className="choice-group">
        <label className="check">
          <input
            type="checkbox"
            checked={settings.highContrast}
            onChange={event => void update({ highContrast: event.target.checked })}
          />
          {text.settings.highContrast}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.colourBlindSafe}
            onChange={event => void update({ colourBlindSafe: event.target.checked })}
          />
          {text.settings.colourBlindSafe}
        </label>
      </div>
    </section>
  )
}
