import { createStore, type StoreApi } from 'zustand/vanilla'
import type { PrivacyBridge } from '../../../electron/common/api/contract'
import type { CatalogView } from '../catalog/catalog-view'
import type { AppState } from './app-state'
import { createConnectionSlice } from './slices/connection-slice'
import { createLogSlice } from './slices/log-slice'
import { createOwnerNoticesSlice } from './slices/owner-notices-slice'
import { createPreviewsSlice } from './slices/previews-slice'
import { createRemoteSlice } from './slices/remote-slice'
import { createSettingsSlice } from './slices/settings-slice'
import { createSwitchesSlice } from './slices/switches-slice'
import { createUiSlice } from './slices/ui-slice'
import { createVerifySlice } from './slices/verify-slice'

/** The dashboard's one store. */
export type AppStore = StoreApi<AppState>

/** Creates the dashboard's store around a bridge; tests pass a fake bridge. */
export function createAppStore(bridge: PrivacyBridge, catalog: CatalogView): AppStore {
  return createStore<AppState>()((...a) => ({
    catalog,
    ...createConnectionSlice(bridge)(...a),
    ...createSwitchesSlice(bridge)(...a),
    ...createLogSlice(bridge)(...a),
    ...createPreviewsSlice(bridge)(...a),
    ...createVerifySlice(bridge)(...a),
    ...createSettingsSlice(bridge)(...a),
    ...createRemoteSlice(bridge)(...a),
    ...createUiSlice()(...a),
    ...createOwnerNoticesSlice(bridge)(...a),
  }))
}

/**
 * Wires the core's push events to the store's events, once. Returns the unsubscribe function.
 */
export function connectBridgeEvents(bridge: PrivacyBridge, store: AppStore): () => void {
  const state = () => store.getState()
  const stops = [
    bridge.on('server.checked', payload => state().serverChecked(payload)),
    bridge.on('switches.changed', () => void state().switchesRequested()),
    bridge.on('drift.detected', () => void state().switchesRequested()),
    bridge.on('settings.changed', settings => state().settingsChanged(settings)),
    bridge.on('log.recorded', payload => state().logRecorded(payload.count)),
    // A pull on the schedule ended: the log screen's "last pull" moves on.
    bridge.on('remote.pulled', () => void state().logSourceRequested()),
    // What the core tells the owner of its own accord (also a system notification on the desktop).
    bridge.on('owner.notified', notice => state().ownerNotified(notice)),
  ]
  return () => stops.forEach(stop => stop())
}
