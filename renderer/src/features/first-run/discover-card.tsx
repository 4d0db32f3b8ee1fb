import { Icon } from '../../components/icon'
import { useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'

/** Finds the server on this computer (its data folder and token) and connects to it. */
export function DiscoverCard() {
  const text = useText()
  const discovery = useAppStore(s => s.discovery)
  const discover = useAppStore(s => s.discoveryRequested)
  const connect = useAppStore(s => s.localConnectRequested)
  const connecting = useAppStore(s => s.phase === 'connecting')
  const report = discovery.status === 'ready' ? discovery.value : null
  return (
    <section className="card" aria-labelledby="first-run-discover">
      <h2 id="first-run-discover">{text.firstRun.local}</h2>
      <p className="muted small">{text.firstRun.localHint}</p>
      <button
        type="button"
        className="button"
        disabled={discovery.status === 'loading'}
        onClick={() => void discover()}
      >
        <Icon name="search" size={16} />
        {discovery.status === 'loading' ? text.firstRun.discovering : text.firstRun.discover}
      </button>
      {discovery.status === 'error' && (
        <p className="callout tone-bad">{discovery.error.message}</p>
      )}
      {report && (
        <div className="stack">
          <p
            className={`callout ${report.reachable && report.tokenFound ? 'tone-ok' : 'tone-warn'}`}
          >
            {report.friendlyName
              ? text.firstRun.found(report.friendlyName)
              : report.dataDir
                ? report.tokenFound
                  ? report.serverUrl
                  : text.firstRun.tokenMissing
                : text.firstRun.notFound}
            {report.problem && ` — ${report.problem}`}
          </p>
          {report.dataDir && report.tokenFound && (
            <button
              type="button"
              className="button primary"
              disabled={connecting}
              onClick={() => void connect()}
            >
              {connecting ? text.firstRun.connecting : text.firstRun.connectLocal}
            </button>
          )}
        </div>
      )}
    </section>
  )
}
