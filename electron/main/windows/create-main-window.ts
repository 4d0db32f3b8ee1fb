import { BrowserWindow } from 'electron'
import { appOrigin, secureWebPreferences } from '../security/security-config'

/**
 * Creates the dashboard window hidden and shows it on `ready-to-show` (no white flash). Closing it
 * hides it: Hush stays in the tray until the owner quits.
 */
export function createMainWindow(preloadPath: string, quitting: () => boolean): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 760,
    minHeight: 520,
    show: false,
    title: 'Hush',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  })
  window.once('ready-to-show', () => window.show())
  window.on('close', event => {
    if (!quitting()) {
      event.preventDefault()
      window.hide()
    }
  })
  void window.loadURL(`${appOrigin}/index.html`)
  return window
}
