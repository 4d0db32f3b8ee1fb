import { Icon } from '../../components/icon'
import { useLanguage, useText } from '../../i18n/use-text'
import { formatCount } from '../../lib/format'
import type { MatchingPreview } from '../../../../electron/common/api/preview-schemas'
import { UnknownsNote } from './unknowns-note'

/** Props of MatchingPanel. */
export interface MatchingPanelProps {
  readonly preview: MatchingPreview
}

/** Per library: its agent, whether it goes online, and exactly the hints a refresh would send. */
export function MatchingPanel({ preview }: MatchingPanelProps) {
  const text = useText()
  const language = useLanguage()
  return (
    <div className="stack">
      <UnknownsNote unknowns={preview.unknowns} />
      {preview.libraries.map(library => (
        <section key={library.id} className="card" aria-labelledby={`library-${library.id}`}>
          <div className="card-header">
            <div>
              <h3 id={`library-${library.id}`}>{library.title}</h3>
              <p className="sub">
                {text.previews.agent}: {library.agentName ?? library.agent} ·{' '}
                {text.previews.items(library.itemCount)}
              </p>
            </div>
            <span className={`badge ${library.contactsInternet ? 'tone-warn' : 'tone-ok'}`}>
              <Icon name={library.contactsInternet ? 'globe' : 'check'} size={14} />
              {library.contactsInternet ? text.previews.contactsInternet : text.previews.localOnly}
            </span>
          </div>
          {library.contactsInternet && library.host && (
            <p className="small">
              {text.previews.sendsTo(library.host)}
              {library.requestShape && (
                <>
                  {' · '}
                  <code>{library.requestShape}</code>
                </>
              )}
            </p>
          )}
          {library.items.length > 0 && (
            <div className="table-scroll">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{text.previews.item}</th>
                    <th scope="col">{text.previews.filePath}</th>
                    <th scope="col">{text.previews.hints}</th>
                  </tr>
                </thead>
                <tbody>
                  {library.items.map((item, index) => (
                    <tr key={`${item.title}-${index}`}>
                      <td>
                        {item.title}
                        {item.year !== null && ` (${item.year})`}
                      </td>
                      <td className="mono">{item.filePath ?? '—'}</td>
                      <td className="mono">
                        {Object.entries(item.hints)
                          .map(([name, value]) => `${name}=${value}`)
                          .join(' · ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {library.itemCount > library.items.length && (
            <p className="small muted">
              {formatCount(library.items.length, language)} /{' '}
              {formatCount(library.itemCount, language)}
            </p>
          )}
        </section>
      ))}
    </div>
  )
}
