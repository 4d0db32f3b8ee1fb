import { BrowserWindow } from 'electron'
import { appOrigin, secureWebPreferences } from '../security/security-config'

/**
 * Creates the dashboard window hidden and shows it on `ready-to-show` (no white flash). What
 * closing it does is `onClose`'s answer (startup/window-close.ts): hide while Hush lives in the
 * tray, else quit through `quit`.
 */
export function createMainWindow(
  preloadPath: string,
  onClose: () => 'close' | 'hide' | 'quit',
  quit: () => void,
): BrowserWindow {
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
    const action = onClose()
    if (action === 'hide') {
      event.preventDefault()
      window.hide()
    } else if (action === 'quit') {
      quit()
    }
  })
  void window.loadURL(`${appOrigin}/index.html`)
  return window
}
