import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { SignInNeeded } from './app/sign-in-needed'
import { pickBridge } from './bridge/pick-bridge'
import { appCatalog } from './catalog/app-catalog'
import { AppStoreProvider } from './store/app-store-context'
import './styles/tokens.css'
import './styles/base.css'
import './styles/components.css'
import './styles/screens.css'

const container = document.getElementById('root')
if (!container) {
  throw new Error('index.html lacks #root')
}
const root = createRoot(container)
const start = await pickBridge()
root.render(
  <StrictMode>
    {start.ok ? (
      <AppStoreProvider bridge={start.bridge} catalog={appCatalog}>
        <App />
      </AppStoreProvider>
    ) : (
      <SignInNeeded reason={start.reason} />
    )}
  </StrictMode>,
)
