import { useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'
import { NumberSettingField } from './number-setting-field'

/** How long outbound events are kept, and how much Hush records about each. */
export function LogSettingsCard() {
  const text = useText()
  const settings = useAppStore(s => s.settings)
  const update = useAppStore(s => s.settingsUpdateRequested)
  return (
    <section className="card" aria-labelledby="settings-log">
      <h2 id="settings-log">{text.log.title}</h2>
      <NumberSettingField
        label={text.settings.retention}
        unit={text.settings.days}
        value={settings.retentionDays}
        min={1}
        max={3650}
        onCommit={retentionDays => void update({ retentionDays })}
      />
      <NumberSettingField
        label={text.logSource.every}
        unit={text.logSource.minutes}
        value={settings.logPullMinutes}
        min={0}
        max={1440}
        hint={{ id: 'settings-pull-hint', text: text.logSource.everyHint }}
        onCommit={logPullMinutes => void update({ logPullMinutes })}
      />
      <fieldset className="choice-group vertical">
        <legend className="field-label">{text.settings.privacyLevel}</legend>
        {text.settings.privacyLevels.map((label, level) => (
          <label key={label} className="check">
            <input
              type="radio"
              name="privacy-level"
              checked={settings.privacyLevel === level}
              onChange={() => void update({ privacyLevel: level })}
            />
            {label}
          </label>
        ))}
      </fieldset>
    </section>
  )
}
