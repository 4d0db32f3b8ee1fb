import { useEffect, useState } from 'react'
import { Page } from '../../app/page'
import { LoadableView } from '../../components/loadable-view'
import { Tabs } from '../../components/tabs'
import { useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'
import type { PreviewKind } from '../../store/slices/previews-slice'
import { AccountPanel } from './account-panel'
import { CrashReportsPanel } from './crash-reports-panel'
import { MatchingPanel } from './matching-panel'
import { RemoteAccessPanel } from './remote-access-panel'

const kinds: readonly PreviewKind[] = ['matching', 'remoteAccess', 'crashReports', 'account']

/** What the server would send: metadata matching, remote access, crash reports, the account. */
export function PreviewsScreen() {
  const text = useText()
  const [kind, setKind] = useState<PreviewKind>('matching')
  const previews = useAppStore(s => s.previews)
  const requested = useAppStore(s => s.previewRequested)
  const status = previews[kind].status
  useEffect(() => {
    if (status === 'idle') {
      void requested(kind)
    }
  }, [kind, status, requested])
  const retry = () => void requested(kind)
  return (
    <Page title={text.previews.title} intro={text.previews.intro}>
      <Tabs
        label={text.previews.title}
        idPrefix="preview"
        tabs={kinds.map(id => ({ id, title: text.previews.tabs[id] }))}
        selected={kind}
        onSelect={setKind}
      />
      <div id="preview-panel" role="tabpanel" aria-labelledby={`preview-tab-${kind}`}>
        {kind === 'matching' && (
          <LoadableView loadable={previews.matching} onRetry={retry}>
            {value => <MatchingPanel preview={value} />}
          </LoadableView>
        )}
        {kind === 'remoteAccess' && (
          <LoadableView loadable={previews.remoteAccess} onRetry={retry}>
            {value => <RemoteAccessPanel preview={value} />}
          </LoadableView>
        )}
        {kind === 'crashReports' && (
          <LoadableView loadable={previews.crashReports} onRetry={retry}>
            {value => <CrashReportsPanel preview={value} />}
          </LoadableView>
        )}
        {kind === 'account' && (
          <LoadableView loadable={previews.account} onRetry={retry}>
            {value => <AccountPanel preview={value} />}
          </LoadableView>
        )}
      </div>
    </Page>
  )
}
