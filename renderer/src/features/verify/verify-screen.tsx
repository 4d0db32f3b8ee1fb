import { useEffect } from 'react'
import { Page } from '../../app/page'
import { Icon } from '../../components/icon'
import { LoadableView } from '../../components/loadable-view'
import { useLanguage, useText } from '../../i18n/use-text'
import { downloadText } from '../../lib/download'
import { formatDateTime } from '../../lib/format'
import { useAppStore } from '../../store/app-store-context'
import { StillFlowsCard } from '../background/still-flows-card'
import { OverridesCard } from './overrides-card'
import { VerificationCard } from './verification-card'
import type { Verdict } from '../../../../electron/common/api/verify-schemas'

// What an owner must see first: what still leaks, then what is proven, then what cannot be.
const verdictOrder: readonly Verdict[] = [
  'leaking',
  'ambiguous',
  'verified',
  'no-evidence',
  'not-visible',
]

const formats = [
  { id: 'markdown', label: 'Markdown' },
  { id: 'html', label: 'HTML' },
] as const

/** The evidence per switch that is off, and the report to download. */
export function VerifyScreen() {
  const text = useText()
  const language = useLanguage()
  const verify = useAppStore(s => s.verify)
  const run = useAppStore(s => s.verifyRequested)
  const report = useAppStore(s => s.verifyReportRequested)
  useEffect(() => {
    if (verify.status === 'idle') {
      void run()
    }
  }, [verify.status, run])
  const download = async (format: 'markdown' | 'html') => {
    const file = await report(format)
    if (file) {
      downloadText(file.fileName, file.content, file.mimeType)
    }
  }
  return (
    <Page
      title={text.verify.title}
      intro={text.verify.intro}
      actions={
        <>
          <button
            type="button"
            className="button"
            onClick={() => void run()}
            disabled={verify.status === 'loading'}
          >
            {text.verify.run}
          </button>
          {formats.map(format => (
            <button
              key={format.id}
              type="button"
              className="button"
              onClick={() => void download(format.id)}
            >
              <Icon name="download" size={16} />
              {text.verify.reportFormat(format.label)}
            </button>
          ))}
        </>
      }
    >
      <LoadableView loadable={verify} onRetry={() => void run()}>
        {value => (
          <div className="stack">
            <p className="muted small">
              {text.verify.generated(formatDateTime(value.generatedAt, language))} ·{' '}
              {value.server.name} · Plex Media Server {value.server.version}
            </p>
            <p className="muted small">
              {text.verify.logSpan(
                value.log.from ? formatDateTime(value.log.from, language) : text.common.none,
                value.log.to ? formatDateTime(value.log.to, language) : text.common.none,
              )}
              . {text.verify.serverClock}{' '}
              {text.verify.clocks(
                value.clock.serverNow
                  ? formatDateTime(value.clock.serverNow, language)
                  : text.common.unknown,
                formatDateTime(value.clock.hushNow, language),
                value.clock.offsetMs === null
                  ? text.common.unknown
                  : `${(value.clock.offsetMs / 1000).toFixed(0)} s`,
              )}
            </p>
            {value.debugLogging === false && (
              <p className="callout tone-warn">{text.verify.debugOff}</p>
            )}
            {value.results.length === 0 ? (
              <p className="empty">{text.verify.empty}</p>
            ) : (
              <div className="stack">
                <p className="row" aria-label={text.verify.summary}>
                  {verdictOrder.map(verdict => {
                    const count = value.results.filter(result => result.verdict === verdict).length
                    return count === 0 ? null : (
                      <span key={verdict} className="badge tone-neutral">
                        {text.verify.verdicts[verdict]}: {count}
                      </span>
                    )
                  })}
                </p>
                {[...value.results]
                  .sort((a, b) => verdictOrder.indexOf(a.verdict) - verdictOrder.indexOf(b.verdict))
                  .map(result => (
                    <VerificationCard key={result.switchId} result={result} />
                  ))}
              </div>
            )}
            <StillFlowsCard counts={value.background} other={value.other.count} />
          </div>
        )}
      </LoadableView>
      <OverridesCard />
    </Page>
  )
}
