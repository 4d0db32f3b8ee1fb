import { app } from 'electron'
import { join } from 'node:path'
import { createEncryptedSecretStore } from '../node/secrets/encrypted-secret-store'
import { createCoreService, type CoreService } from '../node/service/create-core-service'
import { createMemorySecretStore, type Notifier } from '../node/service/ports'
import { onDemandDemo } from './on-demand-demo'
import type { Language } from '../common/i18n/localized-text'
import type { Notice } from '../common/notices/notice'
import { showNotice } from '../common/notices/notice-texts'
import { safeStorageCipher } from './secrets/safe-storage-cipher'
import { createElectronSettingsStore } from './settings/electron-settings-store'
import { startStep } from './startup/start-steps'

/** How the desktop core starts: for the owner, or for a smoke run that must leave no trace. */
export interface DesktopCoreOptions {
  readonly stateDir: string
  readonly notifier: Notifier
  /** The language of the shell's own notices (the keychain, the settings file), until the core's. */
  readonly language: Language
  /**
   * A smoke run: no keychain (it may prompt), no login item, no environment (no real server),
   * and the built-in demo server connected before the window asks for anything.
   */
  readonly smoke: boolean
}

/**
 * Builds and starts the core with the app's adapters: electron-store, the keychain,
 * notifications, the login item. Each step is named, so a failure says which one broke.
 */
export async function startDesktopCore({
  stateDir,
  notifier,
  language,
  smoke,
}: DesktopCoreOptions): Promise<CoreService> {
  const warn = (notice: Notice) => notifier.notify(showNotice(notice, language))
  const secrets = smoke
    ? createMemorySecretStore()
    : await startStep('keychain', async () => {
        const { cipher, warning } = await safeStorageCipher()
        if (warning) {
          warn({ kind: warning })
        }
        return cipher
          ? createEncryptedSecretStore(join(stateDir, 'secrets.json'), cipher)
          : createMemorySecretStore()
      })
  const settings = await startStep('settings', () =>
    createElectronSettingsStore(() => warn({ kind: 'settingsRepaired' })),
  )
  const demo = onDemandDemo(stateDir)
  // Opening the outbound store loads better-sqlite3: Electron's own build (HUSH_SQLITE_BINDING
  // from `npm start`, or the one electron-builder rebuilt into the package).
  const core = await startStep('store', () =>
    createCoreService({
      stateDir,
      env: smoke ? {} : process.env,
      secrets,
      settings,
      startDemo: demo.start,
      sqliteBinding: process.env.HUSH_SQLITE_BINDING,
      onBackgroundError: error => console.error('hush:', error),
      notifier,
    }),
  )
  if (!smoke) {
    app.setLoginItemSettings({ openAtLogin: (await core.api['settings.get']({})).startAtLogin })
    core.events.on('settings.changed', changed =>
      app.setLoginItemSettings({ openAtLogin: changed.startAtLogin }),
    )
  }
  await startStep('core', async () => {
    await core.start()
    if (smoke) {
      const connected = await core.api['server.connectDemo']({})
      if (!connected.ok) {
        throw new Error(`the demo server did not connect: ${connected.error.message}`)
      }
    }
  })
  return {
    ...core,
    stop: async () => Promise.all([core.stop(), demo.close()]).then(() => undefined),
  }
}
