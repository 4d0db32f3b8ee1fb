// The Electron shell's entry: it reads top to bottom and only wires. The app itself is
// launch-desktop.ts; everything they call is tested without Electron (see docs/architecture.md).
import { app } from 'electron'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchDesktop } from './launch-desktop'
import { smokeOptions } from './smoke/smoke-options'
import { registerAppScheme } from './windows/app-protocol'

const startedAt = Date.now()

process.on('uncaughtException', error => console.error('hush: uncaught:', error))
process.on('unhandledRejection', error => console.error('hush: unhandled rejection:', error))

// `--smoke` (or HUSH_SMOKE=1): the app checks itself against the built-in demo server, in a
// temporary state folder set before anything reads the owner's (docs/desktop-smoke.md).
const requested = smokeOptions(process.argv, process.env)
const smoke = requested && { ...requested, stateDir: mkdtempSync(join(tmpdir(), 'hush-smoke-')) }
if (smoke) {
  app.setPath('userData', smoke.stateDir)
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme()
  // Hush lives in the tray: closing the last window does not by itself quit it.
  app.on('window-all-closed', () => undefined)
  void app.whenReady().then(() => launchDesktop(smoke, startedAt))
}
