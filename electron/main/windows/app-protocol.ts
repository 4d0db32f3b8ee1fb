import { net, protocol } from 'electron'
import { pathToFileURL } from 'node:url'
import { resolveStaticPath } from '../../node/files/read-static-file'
import { appScheme, windowCsp } from '../security/security-config'

/** A page made in memory (the start-failure page): its media type and text. */
export interface GeneratedFile {
  readonly type: string
  readonly body: string
}

/** Registers `app://` as a standard, secure scheme; must run before the app is ready (checklist 18). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/**
 * Serves the renderer's files from `rendererDir` over `app://hush/…` with the CSP header, and the
 * pages `generated` makes for a path (checked first). Paths that climb out of the folder are
 * refused (404).
 */
export function serveAppProtocol(
  rendererDir: string,
  generated: (pathname: string) => GeneratedFile | null,
): void {
  const headers = (from?: Headers) => {
    const result = new Headers(from)
    result.set('Content-Security-Policy', windowCsp)
    result.set('X-Content-Type-Options', 'nosniff')
    return result
  }
  protocol.handle(appScheme, async request => {
    const url = new URL(request.url)
    const page = generated(url.pathname)
    if (page) {
      const pageHeaders = headers()
      pageHeaders.set('Content-Type', page.type)
      return new Response(page.body, { status: 200, headers: pageHeaders })
    }
    const path = await resolveStaticPath(rendererDir, url.pathname)
    if (!path) {
      return new Response('not found', { status: 404 })
    }
    const response = await net.fetch(pathToFileURL(path).toString())
    return new Response(response.body, {
      status: response.status,
      headers: headers(response.headers),
    })
  })
}
