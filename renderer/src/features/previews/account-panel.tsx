import type { AccountPreview } from '../../../../electron/common/api/preview-schemas'
import { Icon } from '../../components/icon'
import { useText } from '../../i18n/use-text'
import { formatValue } from '../../lib/format'

/** Props of AccountPanel. */
export interface AccountPanelProps {
  readonly preview: AccountPreview
}

/** The account-level opt-outs and online media sources, or why they cannot be checked. */
export function AccountPanel({ preview }: AccountPanelProps) {
  const text = useText()
  return (
    <section className="card">
      {!preview.reachable && (
        <p className="callout tone-neutral row">
          <Icon name="question" />
          <span>
            <strong>{text.previews.accountUnreachable}</strong>
            {preview.reason && `: ${preview.reason}`}
          </span>
        </p>
      )}
      {preview.settings.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{text.previews.setting}</th>
              <th scope="col">{text.previews.value}</th>
            </tr>
          </thead>
          <tbody>
            {preview.settings.map(setting => (
              <tr key={`${setting.switchId}-${setting.label}`}>
                <td>{setting.label}</td>
                <td className="mono">{formatValue(setting.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.caveats.length > 0 && (
        <ul className="small muted">
          {preview.caveats.map(caveat => (
            <li key={caveat}>{caveat}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
