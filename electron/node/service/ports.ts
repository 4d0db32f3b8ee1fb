import type { AppSettings } from '../../common/api/settings-schemas'

/** Where the owner's preferences for Hush are kept (a JSON file; electron-store in the app). */
export interface SettingsStore {
  read(): Promise<AppSettings>
  write(settings: AppSettings): Promise<void>
}

/** Where server tokens are kept: memory for the CLI and web mode, safeStorage in the app. */
export interface SecretStore {
  get(key: string): Promise<string | undefined>
  set(key: string, secret: string): Promise<void>
  delete(key: string): Promise<void>
}

/** Shows a desktop notification; web mode and the CLI have none. */
export interface Notifier {
  notify(title: string, body: string): void
}

/** A SecretStore that forgets everything when the process ends. */
export function createMemorySecretStore(): SecretStore {
  const secrets = new Map<string, string>()
  return {
    get: key => Promise.resolve(secrets.get(key)),
    set: (key, secret) => {
      secrets.set(key, secret)
      return Promise.resolve()
    },
    delete: key => {
      secrets.delete(key)
      return Promise.resolve()
    },
  }
}
