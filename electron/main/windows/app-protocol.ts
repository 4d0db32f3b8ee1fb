import { net, protocol } from 'electron'
import { pathToFileURL } from 'node:url'
import { resolveStaticPath } from '../../node/files/read-static-file'
import { appScheme, windowCsp } from '../security/security-config'

/** Registers `app://` as a standard, secure scheme; must run before the app is ready (checklist 18). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/**
 * Serves the renderer's files from `rendererDir` over `app://hush/…` with the CSP header. Paths
 * that climb out of the folder are refused (404).
 */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(appScheme, async request => {
    const url = new URL(request.url)
    const path = await resolveStaticPath(rendererDir, url.pathname)
    if (!path) {
      return new Response('not found', { status: 404 })
    }
    const response = await net.fetch(pathToFileURL(path).toString())
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', windowCsp)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
  })
}
