import { useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'
import { NumberSettingField } from './number-setting-field'

/**
 * The connection witness: whether Hush watches the Plex processes' connections, how often, and
 * whether it may look the Plex hosts up to name them (one of Hush's own outbound calls).
 */
export function WitnessSettingsCard() {
  const text = useText()
  const settings = useAppStore(s => s.settings)
  const update = useAppStore(s => s.settingsUpdateRequested)
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
      <NumberSettingField
        label={text.witness.interval}
        unit={text.witness.seconds}
        value={settings.witnessIntervalSeconds}
        min={1}
        max={60}
        disabled={!settings.witnessEnabled}
        onCommit={witnessIntervalSeconds => void update({ witnessIntervalSeconds })}
      />
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
