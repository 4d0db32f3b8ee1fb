import type { ApiEvents, PrivacyApi } from '../../../common/api/contract'
import { appSettingsSchema } from '../../../common/api/settings-schemas'
import type { EventHub } from '../../../common/util/event-hub'
import type { SettingsStore } from '../ports'

/** The `settings.*` methods: the core owns the settings, the faces mirror them. */
export function createSettingsMethods(
  store: SettingsStore,
  events: EventHub<ApiEvents>,
): Pick<PrivacyApi, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => store.read(),
    'settings.update': async patch => {
      const next = appSettingsSchema.parse({ ...(await store.read()), ...patch })
      await store.write(next)
      events.emit('settings.changed', next)
      return next
    },
  }
}
