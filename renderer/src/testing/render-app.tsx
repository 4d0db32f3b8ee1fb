import { cleanup, render, screen } from '@testing-library/react'
import { afterEach } from 'vitest'
import { App } from '../app/app'
import { createFakeBridge, type FakeBridge, type FakeBridgeOptions } from '../bridge/fake-bridge'
import { catalogFixture } from '../catalog/catalog-fixture'
import { AppStoreProvider } from '../store/app-store-context'

afterEach(cleanup)

/** The three switches of the catalog fixture: two on, one off. */
export const fixtureSwitches = [
  { id: 'metadata-matching', state: 'on' },
  { id: 'relay', state: 'on' },
  { id: 'crash-reports', state: 'off' },
] as const

/** Renders the whole dashboard over a fake bridge and waits until it has started. */
export async function renderApp(options: FakeBridgeOptions = {}): Promise<FakeBridge> {
  const bridge = createFakeBridge({ switches: fixtureSwitches, ...options })
  render(
    <AppStoreProvider bridge={bridge} catalog={catalogFixture}>
      <App />
    </AppStoreProvider>,
  )
  if (options.connected === false) {
    await screen.findByRole('heading', { name: 'Welcome to Hush' })
  } else {
    await screen.findByRole('navigation', { name: 'Screens' })
  }
  return bridge
}
