import type { PrivacyBridge } from '../../../../electron/common/api/contract'
import {
  defaultAppSettings,
  type AppSettings,
} from '../../../../electron/common/api/settings-schemas'
import type { SliceCreator } from '../app-state'
import { unexpected } from '../loadable'

/** Hush's own settings, mirrored from the core, which owns them (no local persistence). */
export interface SettingsSlice {
  readonly settings: AppSettings
  readonly settingsLoaded: boolean
  readonly settingsRequested: () => Promise<void>
  /** The core announced (or returned) new settings. */
  readonly settingsChanged: (settings: AppSettings) => void
  readonly settingsUpdateRequested: (patch: Partial<AppSettings>) => Promise<void>
}

/** Creates the settings slice. */
export function createSettingsSlice(bridge: PrivacyBridge): SliceCreator<SettingsSlice> {
  return (set, get) => ({
    settings: defaultAppSettings,
    settingsLoaded: false,
    settingsRequested: async () => {
      get().settingsChanged(await bridge.call('settings.get', {}))
    },
    settingsChanged: settings => set({ settings, settingsLoaded: true }),
    settingsUpdateRequested: async patch => {
      // Show the choice at once; the core's answer (or event) is the truth that follows.
      set({ settings: { ...get().settings, ...patch } })
      try {
        get().settingsChanged(await bridge.call('settings.update', patch))
      } catch (error) {
        get().noticeShown({ tone: 'error', text: unexpected(error).message, undoable: false })
        await get().settingsRequested()
      }
    },
  })
}
