import { Icon, type IconName } from '../components/icon'
import { useText } from '../i18n/use-text'
import { useAppStore } from '../store/app-store-context'
import { screenIds, type ScreenId } from '../store/slices/ui-slice'

const icons: Readonly<Record<ScreenId, IconName>> = {
  overview: 'overview',
  switches: 'switches',
  log: 'log',
  previews: 'previews',
  verify: 'verify',
  settings: 'settings',
}

/** The brand, the navigation between screens, and the connected server. */
export function Sidebar() {
  const text = useText()
  const screen = useAppStore(s => s.screen)
  const chosen = useAppStore(s => s.screenChosen)
  const server = useAppStore(s => s.server)
  const reachable = useAppStore(s => s.reachable)
  return (
    <aside className="sidebar">
      <div className="brand">
        <div className="brand-mark" aria-hidden="true">
          H
        </div>
        <div>
          <div className="brand-name">{text.appName}</div>
          <div className="brand-tagline">{text.tagline}</div>
        </div>
      </div>
      <nav className="nav" aria-label={text.nav.label}>
        <ul>
          {screenIds.map(id => (
            <li key={id}>
              <a
                className="nav-link"
                href={`#/${id}`}
                aria-current={screen === id ? 'page' : undefined}
                onClick={event => {
                  event.preventDefault()
                  chosen(id)
                }}
              >
                <Icon name={icons[id]} />
                {text.nav[id]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {server && (
        <div className="sidebar-footer">
          <div className="row">
            <Icon name="server" size={16} />
            <strong>{server.friendlyName}</strong>
          </div>
          <div>{text.server.version(server.version)}</div>
          <div className={`badge ${reachable === false ? 'tone-bad' : 'tone-ok'}`}>
            <Icon name={reachable === false ? 'cross' : 'check'} size={14} />
            {reachable === false ? text.overall.unreachable : server.url}
          </div>
        </div>
      )}
    </aside>
  )
}
