import { useEffect } from 'react'
import { Icon } from '../../components/icon'
import { LoadableView } from '../../components/loadable-view'
import { useText } from '../../i18n/use-text'
import type { OwnerServer } from '../../../../electron/common/api/remote-schemas'
import { useAppStore } from '../../store/app-store-context'

/**
 * Sign in with Plex and pick one of the owner's servers: each with the connection Hush chose and
 * why, or why it is unreachable. The sign-in link opens in the owner's browser (the desktop app
 * hands it to the system browser, plex.tv only); no token ever reaches this page.
 */
export function PlexServersCard() {
  const text = useText()
  const signedIn = useAppStore(s => s.plexSignedIn)
  const link = useAppStore(s => s.plexSignInLink)
  const error = useAppStore(s => s.plexError)
  const servers = useAppStore(s => s.ownerServers)
  const requested = useAppStore(s => s.plexAccountRequested)
  const signIn = useAppStore(s => s.plexSignInRequested)
  const signOut = useAppStore(s => s.plexSignOutRequested)
  const refresh = useAppStore(s => s.ownerServersRequested)
  const choose = useAppStore(s => s.ownerServerChosen)
  useEffect(() => {
    void requested()
  }, [requested])
  return (
    <section className="card plex-servers" aria-labelledby="plex-servers">
      <div className="card-header">
        <h2 id="plex-servers">{text.plex.title}</h2>
        {signedIn === true && (
          <div className="row">
            <button type="button" className="button small" onClick={() => void refresh()}>
              {text.plex.refresh}
            </button>
            <button type="button" className="button small" onClick={() => void signOut()}>
              {text.plex.signOut}
            </button>
          </div>
        )}
      </div>
      {signedIn !== true && <p className="muted">{text.plex.hint}</p>}
      {error && (
        <p className="callout tone-bad row" role="alert">
          <Icon name="alert" />
          {error.message}
        </p>
      )}
      {signedIn === false && link === null && (
        <div>
          <button type="button" className="button primary" onClick={() => void signIn()}>
            {text.plex.signIn}
          </button>
        </div>
      )}
      {link !== null && (
        <div className="stack" role="status">
          <a className="button primary" href={link} target="_blank" rel="noreferrer noopener">
            {text.plex.open}
          </a>
          <span className="muted small">{text.plex.waiting}</span>
        </div>
      )}
      {signedIn === true && (
        <LoadableView loadable={servers}>
          {list =>
            list.length === 0 ? (
              <p className="muted">{text.plex.none}</p>
            ) : (
              <ul className="server-list" aria-label={text.plex.title}>
                {list.map(server => (
                  <li key={server.id} className="stack owner-server">
                    <div className="row">
                      <Icon name="server" size={16} />
                      <strong>{server.name}</strong>
                      {server.active && <span className="badge tone-ok">{text.plex.active}</span>}
                      {server.connection ? (
                        <span className="badge tone-neutral">
                          {text.plex.kinds[server.connection.kind]}
                        </span>
                      ) : (
                        <span className="badge tone-bad">{text.plex.unreachable}</span>
                      )}
                      {server.connection && !server.active && (
                        <button
                          type="button"
                          className="button small"
                          aria-label={`${text.plex.use}: ${server.name}`}
                          onClick={() => void choose(server.id)}
                        >
                          {text.plex.use}
                        </button>
                      )}
                    </div>
                    {server.connection && (
                      <span className="mono muted small">
                        {text.plex.via(server.connection.uri)}
                      </span>
                    )}
                    <ServerReason server={server} />
                  </li>
                ))}
              </ul>
            )
          }
        </LoadableView>
      )}
    </section>
  )
}

/** Why Hush chose a server's connection, or what each address it tried answered. */
function ServerReason({ server }: { readonly server: OwnerServer }) {
  const text = useText()
  const answered = server.tried.findIndex(tried => tried.outcome === 'answered')
  if (server.connection) {
    return (
      <span className="muted small">
        {text.plex.chosen(
          text.plex.kinds[server.connection.kind],
          server.connection.secure,
          Math.max(answered, 0),
        )}
      </span>
    )
  }
  return (
    <div className="muted small">
      {text.plex.noAnswer}
      <ul>
        {server.tried.map(tried => (
          <li key={tried.uri}>
            <span className="mono">{tried.uri}</span>:{' '}
            {tried.outcome === 'skipped' ? text.plex.skipped : tried.reason}
          </li>
        ))}
      </ul>
    </div>
  )
}
