import { app } from 'electron'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where the app's parts are, in development (dist/) and packaged (app.asar, resources/). */
export interface AppPaths {
  readonly rendererDir: string
  readonly preload: string
  readonly assetsDir: string
  /** Hush's own state: settings, secrets, the outbound log, snapshots. */
  readonly stateDir: string
}

/** Resolves the app's paths; the main bundle lives in dist/main/. */
export function appPaths(): AppPaths {
  const dist = fileURLToPath(new URL('../', import.meta.url))
  return {
    rendererDir: join(dist, 'renderer'),
    preload: join(dist, 'preload', 'index.cjs'),
    // Tray images sit outside app.asar when packaged (electron/electron#30911).
    assetsDir: app.isPackaged
      ? join(process.resourcesPath, 'assets')
      : join(app.getAppPath(), 'assets'),
    stateDir: app.getPath('userData'),
  }
}
