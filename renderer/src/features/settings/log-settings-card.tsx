import { useState } from 'react'
import { useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'

/** How long outbound events are kept, and how much Hush records about each. */
export function LogSettingsCard() {
  const text = useText()
  const settings = useAppStore(s => s.settings)
  const update = useAppStore(s => s.settingsUpdateRequested)
  const [days, setDays] = useState(String(settings.retentionDays))
  const [minutes, setMinutes] = useState(String(settings.logPullMinutes))
  const commitMinutes = () => {
    const value = Math.round(Number(minutes))
    if (minutes !== '' && Number.isFinite(value) && value >= 0 && value <= 1440) {
      if (value !== settings.logPullMinutes) {
        void update({ logPullMinutes: value })
      }
    } else {
      setMinutes(String(settings.logPullMinutes))
    }
  }
  const commitDays = () => {
    const value = Math.round(Number(days))
    if (Number.isFinite(value) && value >= 1 && value <= 3650 && value !== settings.retentionDays) {
      void update({ retentionDays: value })
    } else {
      setDays(String(settings.retentionDays))
    }
  }
  return (
    <section className="card" aria-labelledby="settings-log">
      <h2 id="settings-log">{text.log.title}</h2>
      <label className="field narrow">
        <span>{text.settings.retention}</span>
        <span className="row">
          <input
            type="number"
            min={1}
            max={3650}
            value={days}
            onChange={event => setDays(event.target.value)}
            onBlur={commitDays}
            onKeyDown={event => event.key === 'Enter' && commitDays()}
          />
          {text.settings.days}
        </span>
      </label>
      <label className="field narrow">
        <span>{text.logSource.every}</span>
        <span className="row">
          <input
            type="number"
            min={0}
            max={1440}
            value={minutes}
            aria-describedby="settings-pull-hint"
            onChange={event => setMinutes(event.target.value)}
            onBlur={commitMinutes}
            onKeyDown={event => event.key === 'Enter' && commitMinutes()}
          />
          {text.logSource.minutes}
        </span>
        <small id="settings-pull-hint" className="muted">
          {text.logSource.everyHint}
        </small>
      </label>
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
