import { useEffect } from 'react'
import { Icon } from '../../components/icon'
import { LoadableView } from '../../components/loadable-view'
import { useLanguage, useText } from '../../i18n/use-text'
import { downloadText } from '../../lib/download'
import { formatDateTime } from '../../lib/format'
import { overridesCsv } from '../../lib/overrides-csv'
import { useAppStore } from '../../store/app-store-context'

/** Every value that differs from Plex's defaults, who set it and since when; exportable. */
export function OverridesCard() {
  const text = useText()
  const language = useLanguage()
  const overrides = useAppStore(s => s.overrides)
  const load = useAppStore(s => s.overridesRequested)
  useEffect(() => {
    if (overrides.status === 'idle') {
      void load()
    }
  }, [overrides.status, load])
  return (
    <section className="card" aria-labelledby="verify-overrides">
      <div className="card-header">
        <h2 id="verify-overrides">{text.verify.overrides}</h2>
        {overrides.status === 'ready' && overrides.value.overrides.length > 0 && (
          <button
            type="button"
            className="button small"
            onClick={() =>
              downloadText('hush-overrides.csv', overridesCsv(overrides.value), 'text/csv')
            }
          >
            <Icon name="download" size={16} />
            {text.verify.exportCsv}
          </button>
        )}
      </div>
      <p className="muted small">{text.verify.overridesIntro}</p>
      <LoadableView loadable={overrides} onRetry={() => void load()}>
        {report =>
          report.overrides.length === 0 ? (
            <p className="empty">{text.verify.overridesEmpty}</p>
          ) : (
            <table className="simple-table">
              <thead>
                <tr>
                  <th scope="col">{text.verify.setting}</th>
                  <th scope="col">{text.verify.value}</th>
                  <th scope="col">{text.verify.plexDefault}</th>
                  <th scope="col">{text.verify.setBy}</th>
                </tr>
              </thead>
              <tbody>
                {report.overrides.map(override => (
                  <tr key={override.target}>
                    <td>{override.label}</td>
                    <td className="mono">{String(override.value ?? '')}</td>
                    <td className="mono">{String(override.defaultValue ?? '')}</td>
                    <td>
                      {override.by === 'hush' && override.since
                        ? text.verify.byHush(formatDateTime(override.since, language))
                        : text.verify.bySomeoneElse}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadableView>
    </section>
  )
}
