import { app, session, shell } from 'electron'
import { decidePermission, isAllowedExternal, isAppNavigation, windowCsp } from './security-config'

/**
 * Applies the app-wide items of Electron's security checklist, in one place. Runs once, when the
 * app is ready and before any window exists.
 */
export function hardenApp(): void {
  // Checklist 5: deny every permission request and check (camera, notifications, …).
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(decidePermission(permission)),
  )
  session.defaultSession.setPermissionCheckHandler((_contents, permission) =>
    decidePermission(permission),
  )
  // Checklist 7: the CSP header on every response, also for anything not served by app://.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [windowCsp] },
    }),
  )
  app.on('web-contents-created', (_event, contents) => {
    // Checklist 13: no navigation away from the app, no redirects, no <webview>.
    contents.on('will-navigate', (event, url) => {
      if (!isAppNavigation(url)) {
        event.preventDefault()
      }
    })
    contents.on('will-redirect', event => event.preventDefault())
    contents.on('will-attach-webview', event => event.preventDefault())
    // Checklists 14-15: no new windows; allow-listed https links open in the owner's browser.
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternal(url)) {
        void shell.openExternal(url)
      }
      return { action: 'deny' }
    })
  })
}
