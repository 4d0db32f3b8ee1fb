import type { RemoteAccessPreview } from '../../../../electron/common/api/preview-schemas'
import { relayLine } from '../../../../electron/common/witness/relay-texts'
import { useLanguage, useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'
import { UnknownsNote } from './unknowns-note'

/** Props of RemoteAccessPanel. */
export interface RemoteAccessPanelProps {
  readonly preview: RemoteAccessPreview
}

/** How the server is reached from outside, and what it publishes about itself. */
export function RemoteAccessPanel({ preview }: RemoteAccessPanelProps) {
  const text = useText()
  const language = useLanguage()
  // The relay as the connection witness sees it now (the Overview's line).
  const witness = useAppStore(s => s.witnessStatus)
  const yesNo = (value: boolean | null) =>
    value === null ? text.common.unknown : value ? text.common.yes : text.common.no
  const list = (values: readonly string[]) =>
    values.length === 0 ? text.common.none : values.join(', ')
  return (
    <div className="stack">
      <UnknownsNote unknowns={preview.unknowns} />
      <section className="card">
        <p>{preview.mappingSummary}</p>
        <dl className="kv">
          <dt>{text.previews.remoteAccess}</dt>
          <dd>
            {preview.remoteAccess === 'unavailable'
              ? text.states.unavailable
              : text.states[preview.remoteAccess]}
          </dd>
          <dt>{text.previews.mapping}</dt>
          <dd>
            {preview.mappingState ?? text.common.unknown}
            {preview.mappingError && ` (${preview.mappingError})`}
          </dd>
          <dt>{text.previews.publicAddress}</dt>
          <dd className="mono">
            {preview.publicAddress
              ? `${preview.publicAddress}${preview.publicPort ? `:${preview.publicPort}` : ''}`
              : text.common.unknown}
          </dd>
          <dt>{text.previews.relayEnabled}</dt>
          <dd>{yesNo(preview.relayEnabled)}</dd>
          <dt>{text.previews.relayInUse}</dt>
          <dd>{yesNo(preview.relayInUse)}</dd>
          {witness && (
            <>
              <dt>{text.witness.filterNetwork}</dt>
              <dd data-testid="preview-relay-line">{relayLine(witness, language)}</dd>
            </>
          )}
          <dt>{text.previews.customUrls}</dt>
          <dd className="mono">{list(preview.customUrls)}</dd>
          <dt>{text.previews.certificateDomain}</dt>
          <dd className="mono">{preview.certificateDomain ?? text.common.none}</dd>
          <dt>{text.previews.published}</dt>
          <dd className="mono">{list(preview.publishedAddresses)}</dd>
        </dl>
      </section>
    </div>
  )
}
