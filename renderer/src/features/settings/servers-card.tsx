import { useEffect } from 'react'
import { Icon } from '../../components/icon'
import { LoadableView } from '../../components/loadable-view'
import { useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'

/** The servers Hush knows (never their tokens), and a way to add one. */
export function ServersCard() {
  const text = useText()
  const servers = useAppStore(s => s.servers)
  const requested = useAppStore(s => s.serversRequested)
  const addServer = useAppStore(s => s.addServerChosen)
  const select = useAppStore(s => s.serverSelected)
  useEffect(() => {
    void requested()
  }, [requested])
  return (
    <section className="card" aria-labelledby="settings-servers">
      <div className="card-header">
        <h2 id="settings-servers">{text.settings.servers}</h2>
        <button type="button" className="button small" onClick={addServer}>
          {text.settings.addServer}
        </button>
      </div>
      <LoadableView loadable={servers}>
        {list => (
          <ul className="server-list">
            {list.map(server => (
              <li key={server.id} className="row">
                <Icon name="server" size={16} />
                <strong>{server.name}</strong>
                <span className="mono muted">{server.url}</span>
                {server.active && <span className="badge tone-ok">{text.settings.active}</span>}
                {server.demo && <span className="badge tone-neutral">{text.settings.demo}</span>}
                {!server.active && (
                  <button
                    type="button"
                    className="button small"
                    aria-label={`${text.settings.useServer}: ${server.name}`}
                    onClick={() => void select(server.id)}
                  >
                    {text.settings.useServer}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </LoadableView>
    </section>
  )
}
