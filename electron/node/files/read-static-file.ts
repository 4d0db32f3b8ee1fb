import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
}

/** A static file to send, or undefined when there is none. */
export interface StaticFile {
  readonly body: Buffer
  readonly contentType: string
}

/**
 * Resolves a request path inside the renderer's build folder.
 *
 * Paths that climb out of the folder are refused; unknown paths without an extension fall back to
 * index.html so that the app's own routes load.
 */
export async function readStaticFile(
  root: string,
  urlPath: string,
): Promise<StaticFile | undefined> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/')
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) {
    return undefined
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '')
  const candidate = join(root, relative === '' ? 'index.html' : relative)
  if (candidate !== root && !candidate.startsWith(root.endsWith(sep) ? root : root + sep)) {
    return undefined
  }
  const file = (await isFile(candidate))
    ? candidate
    : extname(candidate) === ''
      ? join(root, 'index.html')
      : undefined
  if (!file || !(await isFile(file))) {
    return undefined
  }
  return {
    body: await readFile(file),
    contentType: contentTypes[extname(file)] ?? 'application/octet-stream',
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}
