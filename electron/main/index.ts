// The Electron shell's composition root: it wires the core, the window, the tray and IPC, and
// reads top to bottom. Everything it calls is tested elsewhere without Electron.
import { app, ipcMain, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import type { PrivacyApi } from '../common/api/contract'
import { createEncryptedSecretStore } from '../node/secrets/encrypted-secret-store'
import { createCoreService, type CoreService } from '../node/service/create-core-service'
import { createDemoStarter } from '../node/service/demo-starter'
import { createMemorySecretStore } from '../node/service/ports'
import { appPaths } from './app-paths'
import { deferApi } from './ipc/defer-api'
import { serveIpc } from './ipc/serve-ipc'
import { isTrustedSender } from './ipc/trusted-sender'
import { createDesktopNotifier } from './platform/notifier'
import { safeStorageCipher } from './secrets/safe-storage-cipher'
import { hardenApp } from './security/harden-app'
import { createElectronSettingsStore } from './settings/electron-settings-store'
import { runTrayAction } from './tray/tray-actions'
import { createTrayController, type TrayController } from './tray/tray-controller'
import { readTrayState } from './tray/tray-state'
import { registerAppScheme, serveAppProtocol } from './windows/app-protocol'
import { createMainWindow } from './windows/create-main-window'

process.on('uncaughtException', error => console.error('hush: uncaught:', error))
process.on('unhandledRejection', error => console.error('hush: unhandled rejection:', error))

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let quitting = false
  let window: BrowserWindow | undefined
  const notifier = createDesktopNotifier()
  const show = () => {
    window?.show()
    window?.focus()
  }
  registerAppScheme()
  app.on('second-instance', show)
  app.on('activate', show)
  app.on('before-quit', () => (quitting = true))
  // Hush lives in the tray: closing the last window does not quit it.
  app.on('window-all-closed', () => undefined)

  void app.whenReady().then(() => {
    const paths = appPaths()
    hardenApp()
    serveAppProtocol(paths.rendererDir)
    let resolveCore: (core: CoreService) => void = () => undefined
    const core = new Promise<CoreService>(resolve => (resolveCore = resolve))
    const api = deferApi(core.then(started => started.api))
    window = createMainWindow(paths.preload, () => quitting)
    const mainFrame = () => window?.webContents.mainFrame ?? null
    const events = { on: (...args: Parameters<CoreService['events']['on']>) => forward(core, args) }
    serveIpc(
      ipcMain,
      api,
      frame => isTrustedSender(frame, mainFrame()),
      events as never,
      () => window?.webContents,
    )
    // The core starts after the first paint, so the window appears at once.
    window.webContents.once('did-finish-load', () => {
      void startCore(paths.stateDir, notifier).then(started => {
        resolveCore(started)
        const tray = createTrayController(
          paths.assetsDir,
          action =>
            void runTrayAction(action, started.api, {
              open: show,
              quit: () => app.quit(),
              report: message => notifier.notify('Hush could not make that change', message),
            }),
        )
        watchTray(tray, started, api)
        app.on('will-quit', () => {
          tray?.destroy()
          void started.stop()
        })
      })
    })
  })
}

/** Builds the core with the app's adapters: electron-store, the keychain, notifications. */
async function startCore(stateDir: string, notifier: ReturnType<typeof createDesktopNotifier>) {
  const warn = (message: string) => notifier.notify('Hush', message)
  const { cipher, warning } = await safeStorageCipher()
  if (warning) {
    warn(warning)
  }
  const demo = createDemoStarter(stateDir)
  const core = await createCoreService({
    stateDir,
    env: process.env,
    secrets: cipher
      ? createEncryptedSecretStore(join(stateDir, 'secrets.json'), cipher)
      : createMemorySecretStore(),
    settings: await createElectronSettingsStore(warn),
    startDemo: demo.start,
    sqliteBinding: process.env.HUSH_SQLITE_BINDING,
    onBackgroundError: error => console.error('hush:', error),
  })
  core.events.on('drift.detected', ({ changes }) =>
    notifier.notify(
      'Your Plex privacy settings changed',
      `${changes.length} switch(es) moved away from your choice.`,
    ),
  )
  core.events.on('destination.discovered', ({ host }) =>
    notifier.notify('A new destination', `Your server contacted ${host} for the first time.`),
  )
  core.events.on('server.checked', ({ reachable, message }) => {
    if (!reachable && message) {
      notifier.notify('Plex Media Server unreachable', message)
    }
  })
  app.setLoginItemSettings({ openAtLogin: (await core.api['settings.get']({})).startAtLogin })
  core.events.on('settings.changed', settings =>
    app.setLoginItemSettings({ openAtLogin: settings.startAtLogin }),
  )
  await core.start()
  return {
    ...core,
    stop: async () => Promise.all([core.stop(), demo.close()]).then(() => undefined),
  }
}

/** Keeps the tray in step with the core: on every change that can move a switch or the server. */
function watchTray(tray: TrayController | null, core: CoreService, api: PrivacyApi): void {
  const refresh = async () => {
    const language = (await api['settings.get']({})).language
    tray?.render(await readTrayState(api), language)
  }
  void refresh()
  for (const event of [
    'switches.changed',
    'server.checked',
    'settings.changed',
    'drift.detected',
  ] as const) {
    core.events.on(event, () => void refresh())
  }
}

/** Subscribes to a core event once the core exists (IPC is served before it starts). */
function forward(
  core: Promise<CoreService>,
  [event, listener]: Parameters<CoreService['events']['on']>,
) {
  let stop: (() => void) | undefined
  let stopped = false
  void core.then(started => {
    if (!stopped) {
      stop = started.events.on(event, listener)
    }
  })
  return () => {
    stopped = true
    stop?.()
  }
}
