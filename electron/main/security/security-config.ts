import { dashboardCsp } from '../../common/security/dashboard-csp'
import type { WebPreferences } from 'electron'

/** The origin the renderer is served from, through our own `app:` protocol (not `file:`). */
export const appOrigin = 'app://hush'

/** The scheme registered for the renderer. */
export const appScheme = 'app'

/** The Content-Security-Policy of the window (the same as web mode's). */
export const windowCsp = dashboardCsp

/** The web preferences of every Hush window, one line per item of Electron's security checklist. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true, // checklist 3: the page cannot reach the preload's scope
    sandbox: true, // checklist 4: the renderer runs in Chromium's sandbox
    nodeIntegration: false, // checklist 2: no Node.js in the page
    nodeIntegrationInWorker: false, // checklist 2: nor in its workers
    nodeIntegrationInSubFrames: false, // checklist 2: nor in frames
    webSecurity: true, // checklist 6: same-origin policy stays on
    allowRunningInsecureContent: false, // checklist 8: no http content in our page
    experimentalFeatures: false, // checklist 9: no experimental Chromium features
    enableBlinkFeatures: '', // checklist 10: no extra Blink features
    disableBlinkFeatures: 'Auxclick', // a middle click must not open links behind our back
    webviewTag: false, // checklists 11-12: no <webview> at all
    navigateOnDragDrop: false, // a dropped file must not replace the app
    spellcheck: false, // no dictionary downloads
    backgroundThrottling: true, // a hidden window costs nothing
  }
}

/** Hosts whose https pages Hush may open in the owner's browser (checklist 15). */
export const externalAllowList: ReadonlySet<string> = new Set([
  'support.plex.tv',
  'www.plex.tv',
  'plex.tv',
  'app.plex.tv',
  'forums.plex.tv',
])

/** Whether a link may be handed to `shell.openExternal`: https and an allow-listed host only. */
export function isAllowedExternal(url: string): boolean {
  try {
    const parsed = new URL(url)
    return (
      parsed.protocol === 'https:' &&
      parsed.username === '' &&
      parsed.password === '' &&
      externalAllowList.has(parsed.hostname)
    )
  } catch {
    return false
  }
}

/**
 * Whether a navigation stays inside the app (checklist 13), decided on the parsed URL, never by
 * string prefix. (WHATWG URL gives custom schemes the origin "null", so scheme and host are compared.)
 */
export function isAppNavigation(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${appScheme}:` && parsed.host === 'hush'
  } catch {
    return false
  }
}

/** Every permission request (camera, notifications from the page, …) is denied (checklist 5). */
export function decidePermission(_permission: string): boolean {
  return false
}
