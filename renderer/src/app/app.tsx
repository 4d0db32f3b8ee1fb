import { NoticeBar } from '../components/notice-bar'
import { OwnerNotices } from '../components/owner-notices'
import { FirstRunScreen } from '../features/first-run/first-run-screen'
import { useText } from '../i18n/use-text'
import { useAppStore } from '../store/app-store-context'
import { ScreenOutlet } from './screen-outlet'
import { Sidebar } from './sidebar'
import { useDocumentSettings } from './use-document-settings'

/** The dashboard: the first-run screen until a server is connected, then the screens. */
export function App() {
  useDocumentSettings()
  const text = useText()
  const phase = useAppStore(s => s.phase)
  if (phase === 'starting') {
    return (
      <main className="empty" aria-busy="true">
        {text.common.loading}
      </main>
    )
  }
  if (phase === 'needsServer' || phase === 'connecting') {
    return (
      <>
        <FirstRunScreen />
        <OwnerNotices />
        <NoticeBar />
      </>
    )
  }
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {text.nav.skip}
      </a>
      <Sidebar />
      <main className="main" id="main">
        <ScreenOutlet />
      </main>
      <OwnerNotices />
      <NoticeBar />
    </div>
  )
}
