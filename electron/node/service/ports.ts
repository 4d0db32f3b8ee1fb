import type { ShownNotice } from '../../common/notices/notice'
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

/**
 * Shows what the core tells the owner (common/notices): a desktop notification in the app, a line
 * on stderr in the CLI; web mode has none (its dashboard gets the `owner.notified` event).
 */
export interface Notifier {
  notify(notice: ShownNotice): void
}

/** The server a host names before its environment and discovery (the CLI's common options). */
export interface NamedServer {
  /** Its address (else HUSH_SERVER, else the local server). */
  readonly server?: string
  readonly token?: string
  /** A file holding the token (else HUSH_TOKEN, else the local server's preferences). */
  readonly tokenFile?: string
  /** Its data folder (Logs/, Crash Reports/). */
  readonly dataDir?: string
  /** The plex.tv API for account switches (else HUSH_ACCOUNT_URL, else https://plex.tv). */
  readonly accountUrl?: string
}

/** Limits a host sets on the core's work (the CLI's --timeout and Ctrl-C). */
export interface RequestLimits {
  readonly timeoutMs?: number
  /** Cuts every server request short (for commands that only read). */
  readonly signal?: AbortSignal
  /**
   * Stops an apply, set or undo between its steps, rolling back what it did; the requests
   * themselves run to their end, so that a rollback can still be sent.
   */
  readonly changeSignal?: AbortSignal
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
