import type { CrashReportsPreview } from '../../../../electron/common/api/preview-schemas'
import { crashUploadLine } from '../../../../electron/common/witness/relay-texts'
import { useLanguage, useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'
import { formatBytes, formatDateTime } from '../../lib/format'
import { DeleteDumps } from './delete-dumps'
import { UnknownsNote } from './unknowns-note'

/** Props of CrashReportsPanel. */
export interface CrashReportsPanelProps {
  readonly preview: CrashReportsPreview
}

/** The crash dumps on disk, uploaded or waiting, and what a dump can carry. */
export function CrashReportsPanel({ preview }: CrashReportsPanelProps) {
  const text = useText()
  const language = useLanguage()
  // Uploads the connection witness saw CrashUploader make, with their sizes.
  const witness = useAppStore(s => s.witnessStatus)
  const uploads = (witness?.crashUploads ?? []).slice(0, 3)
  return (
    <div className="stack">
      <UnknownsNote unknowns={preview.unknowns} />
      <section className="card">
        <dl className="kv">
          <dt>{text.previews.uploadEnabled}</dt>
          <dd>
            {preview.uploadEnabled === null
              ? text.common.unknown
              : preview.uploadEnabled
                ? text.states.on
                : text.states.off}
          </dd>
          {uploads.length > 0 && (
            <>
              <dt>{text.witness.filterNetwork}</dt>
              <dd data-testid="preview-crash-uploads">
                {uploads.map(upload => crashUploadLine(upload, language)).join(' · ')}
              </dd>
            </>
          )}
        </dl>
        <h3>{text.previews.dumps}</h3>
        {preview.dumps.length === 0 ? (
          <p className="muted">{text.previews.noDumps}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{text.previews.filePath}</th>
                  <th scope="col">{text.previews.version}</th>
                  <th scope="col">{text.previews.size}</th>
                  <th scope="col">{text.log.columns.time}</th>
                  <th scope="col">{text.log.columns.status}</th>
                </tr>
              </thead>
              <tbody>
                {preview.dumps.map(dump => (
                  <tr key={dump.path}>
                    <td className="mono">{dump.path}</td>
                    <td className="mono">{dump.version}</td>
                    <td>{formatBytes(dump.sizeBytes)}</td>
                    <td>{formatDateTime(dump.modifiedAt, language)}</td>
                    <td>
                      <span
                        className={`badge ${dump.status === 'pending' ? 'tone-warn' : 'tone-neutral'}`}
                      >
                        {dump.status === 'pending' ? text.previews.pending : text.previews.uploaded}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <DeleteDumps
          paths={preview.dumps.filter(dump => dump.status === 'pending').map(dump => dump.path)}
        />
        <h3>{text.previews.uploadArguments}</h3>
        <dl className="kv">
          {preview.uploadArguments.map(argument => (
            <div key={argument.name} className="kv-row">
              <dt className="mono">{argument.name}</dt>
              <dd>
                {text.previews.argumentMeanings[argument.meaning]}
                {argument.value !== null && <span className="mono"> · {argument.value}</span>}
              </dd>
            </div>
          ))}
        </dl>
        <h3>{text.previews.dumpContents}</h3>
        <ul>
          {preview.contents.map(line => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
    </div>
  )
}
