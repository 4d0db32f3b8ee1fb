import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { PrivacyBridge } from '../../../electron/common/api/contract'
import type { CatalogView } from '../catalog/catalog-view'
import type { AppState } from './app-state'
import { connectBridgeEvents, createAppStore, type AppStore } from './create-app-store'

const StoreContext = createContext<AppStore | null>(null)

/** Props of AppStoreProvider. */
export interface AppStoreProviderProps {
  readonly bridge: PrivacyBridge
  readonly catalog: CatalogView
  readonly children: ReactNode
}

/** Creates the store once, wires the bridge's push events to it, and starts the app. */
export function AppStoreProvider({ bridge, catalog, children }: AppStoreProviderProps) {
  const [store] = useState(() => createAppStore(bridge, catalog))
  useEffect(() => {
    const stop = connectBridgeEvents(bridge, store)
    store
      .getState()
      .appStarted()
      .catch((error: unknown) => {
        store.getState().noticeShown({ tone: 'error', text: String(error), undoable: false })
      })
    return stop
  }, [bridge, store])
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
}

/** Reads from the dashboard's store; use atomic selectors, or memoized ones from `selectors/`. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext)
  if (!store) {
    throw new Error('useAppStore needs an AppStoreProvider above it')
  }
  return useStore(store, selector)
}
