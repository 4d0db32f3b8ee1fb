import { useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'

/** Whether Hush puts the owner's choices back when the server drifts, and starts at login. */
export function WatchSettingsCard() {
  const text = useText()
  const settings = useAppStore(s => s.settings)
  const update = useAppStore(s => s.settingsUpdateRequested)
  return (
    <section className="card" aria-labelledby="settings-watch">
      <h2 id="settings-watch">{text.settings.watch}</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.enforce}
          onChange={event => void update({ enforce: event.target.checked })}
        />
        {text.settings.enforce}
      </label>
      <p className="muted small">{text.settings.enforceHint}</p>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.startAtLogin}
          onChange={event => void update({ startAtLogin: event.target.checked })}
        />
        {text.settings.startAtLogin}
      </label>
    </section>
  )
}
