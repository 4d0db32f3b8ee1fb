import { stat } from 'node:fs/promises'
import { readRegularFileBytes } from './regular-file'
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

/** The largest file of the renderer's build Hush serves (the bundle is about 1 MiB). */
export const maxStaticFileBytes = 32 * 1024 * 1024

/** A static file to send. */
export interface StaticFile {
  readonly body: Buffer
  readonly contentType: string
}

/**
 * Resolves a request path to a file inside the renderer's build folder, or undefined.
 *
 * Paths that climb out of the folder are refused; unknown paths without an extension fall back to
 * index.html so that the app's own routes load.
 */
export async function resolveStaticPath(
  root: string,
  urlPath: string,
): Promise<string | undefined> {
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
  if (await isFile(candidate)) {
    return candidate
  }
  const fallback = join(root, 'index.html')
  return extname(candidate) === '' && (await isFile(fallback)) ? fallback : undefined
}

/** Reads a static file of the renderer's build folder (see resolveStaticPath). */
export async function readStaticFile(
  root: string,
  urlPath: string,
): Promise<StaticFile | undefined> {
  const path = await resolveStaticPath(root, urlPath)
  const read = path ? await readRegularFileBytes(path, maxStaticFileBytes) : undefined
  if (!path || !read?.ok) {
    return undefined
  }
  return {
    body: read.value,
    contentType: contentTypes[extname(path)] ?? 'application/octet-stream',
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}
