import { useState } from 'react'
import { useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'

/**
 * The connection witness: whether Hush watches the Plex processes' connections, how often, and
 * whether it may look the Plex hosts up to name them (one of Hush's own outbound calls).
 */
export function WitnessSettingsCard() {
  const text = useText()
  const settings = useAppStore(s => s.settings)
  const update = useAppStore(s => s.settingsUpdateRequested)
  const [seconds, setSeconds] = useState(String(settings.witnessIntervalSeconds))
  const commitSeconds = () => {
    const value = Math.round(Number(seconds))
    if (Number.isFinite(value) && value >= 1 && value <= 60) {
      if (value !== settings.witnessIntervalSeconds) {
        void update({ witnessIntervalSeconds: value })
      }
    } else {
      setSeconds(String(settings.witnessIntervalSeconds))
    }
  }
  return (
    <section className="card" aria-labelledby="settings-witness">
      <h2 id="settings-witness">{text.witness.filterNetwork}</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.witnessEnabled}
          onChange={event => void update({ witnessEnabled: event.target.checked })}
        />
        {text.witness.setting}
      </label>
      <p className="small muted">{text.witness.settingHint}</p>
      <label className="field narrow">
        <span>{text.witness.interval}</span>
        <span className="row">
          <input
            type="number"
            min={1}
            max={60}
            value={seconds}
            disabled={!settings.witnessEnabled}
            onChange={event => setSeconds(event.target.value)}
            onBlur={commitSeconds}
            onKeyDown={event => event.key === 'Enter' && commitSeconds()}
          />
          {text.witness.seconds}
        </span>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.resolvePlexHosts}
          disabled={!settings.witnessEnabled}
          onChange={event => void update({ resolvePlexHosts: event.target.checked })}
        />
        {text.witness.resolve}
      </label>
      <p className="small muted">{text.witness.resolveHint}</p>
    </section>
  )
}
