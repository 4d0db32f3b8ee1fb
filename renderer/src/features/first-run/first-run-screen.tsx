import { languages } from '../../../../electron/common/i18n/localized-text'
import { Icon } from '../../components/icon'
import { useLanguage, useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'
import { DiscoverCard } from './discover-card'
import { ManualConnectCard } from './manual-connect-card'
import { PlexServersCard } from './plex-servers-card'

const languageNames = { en: 'English', zh: '简体中文' } as const

/** The first run: find the local server, connect by address and token, or try the demo server. */
export function FirstRunScreen() {
  const text = useText()
  const language = useLanguage()
  const error = useAppStore(s => s.connectError)
  const connecting = useAppStore(s => s.phase === 'connecting')
  const demo = useAppStore(s => s.demoRequested)
  const update = useAppStore(s => s.settingsUpdateRequested)
  const hasServer = useAppStore(s => s.server !== null)
  const cancel = useAppStore(s => s.addServerCancelled)
  return (
    <main className="page first-run">
      <header className="page-header">
        <div className="page-header-row">
          <div className="brand">
            <div className="brand-mark" aria-hidden="true">
              H
            </div>
            <h1>{text.firstRun.title}</h1>
          </div>
          <label className="field">
            <span>{text.settings.language}</span>
            <select
              value={language}
              onChange={event => void update({ language: event.target.value as typeof language })}
            >
              {languages.map(id => (
                <option key={id} value={id}>
                  {languageNames[id]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="intro">{text.firstRun.intro}</p>
        {hasServer && (
          <div>
            <button type="button" className="button small" onClick={cancel}>
              {text.firstRun.back}
            </button>
          </div>
        )}
      </header>
      {error && (
        <p className="callout tone-bad row" role="alert">
          <Icon name="alert" />
          {error.message}
        </p>
      )}
      <section className="card demo-card" aria-labelledby="first-run-demo">
        <div>
          <h2 id="first-run-demo">{text.firstRun.demo}</h2>
          <p className="muted">{text.firstRun.demoHint}</p>
        </div>
        <button
          type="button"
          className="button primary"
          disabled={connecting}
          onClick={() => void demo()}
        >
          {connecting ? text.firstRun.connecting : text.firstRun.demo}
        </button>
      </section>
      <div className="card-grid">
        <DiscoverCard />
        <ManualConnectCard />
      </div>
      <PlexServersCard />
    </main>
  )
}
