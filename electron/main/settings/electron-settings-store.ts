import { appSettingsSchema, defaultAppSettings } from '../../common/api/settings-schemas'
import type { SettingsStore } from '../../node/service/ports'

/**
 * The owner's settings in electron-store (the only file that imports it). electron-store writes
 * atomically; a file that fails the schema is kept aside by our own check, and Hush starts from
 * defaults rather than a white screen (intiface-desktop#60).
 */
export async function createElectronSettingsStore(onRepair: () => void): Promise<SettingsStore> {
  // electron-store is ESM-only; loaded here so nothing else in main depends on it.
  const { default: Store } = await import('electron-store')
  const store = new Store<{ settings?: unknown }>({ name: 'settings', clearInvalidConfig: false })
  return {
    read: () => {
      const parsed = appSettingsSchema.safeParse({
        ...defaultAppSettings,
        ...(store.get('settings') as object),
      })
      if (!parsed.success) {
        store.set('settingsCorrupt', store.get('settings'))
        onRepair()
        return Promise.resolve(defaultAppSettings)
      }
      return Promise.resolve(parsed.data)
    },
    write: settings => {
      store.set('settings', appSettingsSchema.parse(settings))
      return Promise.resolve()
    },
  }
}
