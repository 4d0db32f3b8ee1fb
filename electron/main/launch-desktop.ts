import { app } from 'electron'
import { rm } from 'node:fs/promises'
import type { CoreService } from '../node/service/create-core-service'
import { showNotice } from '../common/notices/notice-texts'
import { appPaths } from './app-paths'
import { startDesktopCore } from './desktop-core'
import { deferApi } from './ipc/defer-api'
import { deferEvents } from './ipc/defer-events'
import { serveElectronIpc } from './ipc/serve-ipc'
import { isTrustedSender } from './ipc/trusted-sender'
import { createDesktopNotifier } from './platform/notifier'
import { appOrigin } from './security/security-config'
import { hardenApp } from './security/harden-app'
import { runDesktopSmoke } from './smoke/electron-smoke'
import type { SmokeOptions } from './smoke/smoke-options'
import {
  languageFromLocale,
  startFailureFile,
  startFailureText,
  startFailureTrayItems,
  startingTrayItems,
} from './startup/start-failure-view'
import { toStartFailure, withDeadline, type StartFailure } from './startup/start-steps'
import { closeAction } from './startup/window-close'
import { runTrayAction } from './tray/tray-actions'
import { createTrayController, type TrayController } from './tray/tray-controller'
import { watchTray } from './tray/watch-tray'
import { serveAppProtocol } from './windows/app-protocol'
import { createMainWindow } from './windows/create-main-window'

/** How long the core may take to start before the window says it failed. */
const coreStartDeadlineMs = 60_000

/**
 * The desktop app once Electron is ready: window, tray and IPC first, then the core after the
 * first paint. A core that fails (or never finishes) is shown in the window and the tray, with
 * Quit; IPC calls then fail with the reason instead of waiting.
 */
export function launchDesktop(
  smoke: (SmokeOptions & { readonly stateDir: string }) | null,
  startedAt: number,
): void {
  const paths = appPaths()
  if (smoke && paths.stateDir !== smoke.stateDir) {
    // A smoke run never works in (or deletes) the owner's own state folder.
    console.error(`hush: refusing a smoke run outside its temporary folder: ${paths.stateDir}`)
    app.exit(1)
    return
  }
  const language = languageFromLocale(app.getLocale())
  const notifier = smoke ? { notify: () => undefined } : createDesktopNotifier()
  let quitting = false
  let failure: StartFailure | null = null
  let tray: TrayController | null = null
  app.on('before-quit', () => (quitting = true))
  hardenApp()
  serveAppProtocol(paths.rendererDir, pathname =>
    failure ? startFailureFile(pathname, failure, language, paths.stateDir) : null,
  )
  const quit = () => app.quit()
  const window = createMainWindow(
    paths.preload,
    () => closeAction({ quitting, hasTray: tray !== null, failed: failure !== null }),
    quit,
  )
  const show = () => {
    window.show()
    window.focus()
  }
  app.on('second-instance', show)
  app.on('activate', show)
  // The core starts after the first paint (or a failed load), so the window appears at once.
  const core = new Promise<CoreService>((resolve, reject) => {
    const start = () =>
      withDeadline(
        startDesktopCore({ stateDir: paths.stateDir, notifier, language, smoke: smoke !== null }),
        coreStartDeadlineMs,
      ).then(resolve, reject)
    let started = false
    const once = () => (started ? undefined : ((started = true), void start()))
    window.webContents.once('did-finish-load', once)
    window.webContents.once('did-fail-load', once)
  })
  const api = deferApi(core.then(started => started.api))
  serveElectronIpc(
    api,
    frame => isTrustedSender(frame, window.webContents.mainFrame),
    deferEvents(core),
    () => window.webContents,
  )
  tray = createTrayController(paths.assetsDir, action => {
    void runTrayAction(action, api, {
      open: show,
      quit,
      report: reason => notifier.notify(showNotice({ kind: 'changeFailed', reason }, language)),
    })
  })
  tray?.renderItems(startingTrayItems(language), 'Hush', 'unreachable')
  core.then(
    started => {
      const stopTray = watchTray(tray, started, api)
      app.on('will-quit', () => {
        stopTray()
        tray?.destroy()
        void started.stop()
      })
    },
    (error: unknown) => {
      console.error('hush: the core did not start:', error)
      failure = toStartFailure(error)
      const text = startFailureText(failure, language, paths.stateDir)
      tray?.renderItems(
        startFailureTrayItems(failure, language, paths.stateDir),
        `Hush: ${text.title}`,
        'unreachable',
      )
      void window
        .loadURL(`${appOrigin}/start-failure.html`)
        .catch((loadError: unknown) => console.error('hush: the failure page:', loadError))
        .finally(show)
    },
  )
  if (smoke) {
    void runDesktopSmoke({ options: smoke, startedAt, window, tray: () => tray, core })
      .catch((error: unknown) => (console.error('hush: smoke run broke:', error), 1))
      .then(async code => {
        await core.then(started => started.stop()).catch(() => undefined)
        await rm(smoke.stateDir, { recursive: true, force: true }).catch(() => undefined)
        app.exit(code)
      })
  }
}
