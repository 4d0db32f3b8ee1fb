import type { StateCreator } from 'zustand'
import type { CatalogView } from '../catalog/catalog-view'
import type { ConnectionSlice } from './slices/connection-slice'
import type { LogSlice } from './slices/log-slice'
import type { OwnerNoticesSlice } from './slices/owner-notices-slice'
import type { PreviewsSlice } from './slices/previews-slice'
import type { RemoteSlice } from './slices/remote-slice'
import type { SettingsSlice } from './slices/settings-slice'
import type { SwitchesSlice } from './slices/switches-slice'
import type { UiSlice } from './slices/ui-slice'
import type { VerifySlice } from './slices/verify-slice'

/** The whole dashboard state: source data only; everything derived is a selector. */
export type AppState = ConnectionSlice &
  SwitchesSlice &
  LogSlice &
  PreviewsSlice &
  VerifySlice &
  SettingsSlice &
  RemoteSlice &
  UiSlice &
  OwnerNoticesSlice & { readonly catalog: CatalogView }

/** The signature of one slice creator. */
export type SliceCreator<T> = StateCreator<AppState, [], [], T>
