import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * A worker thread's bundle beside the bundle that runs this code (`dist/<name>.mjs`, laid out by
 * scripts/build.mjs), or null where it was not built: the sources under the test runner, and the
 * desktop app's main bundle. Callers then do the work on their own thread.
 */
export function bundledWorkerFile(name: string): URL | null {
  const url = new URL(`./${name}.mjs`, import.meta.url)
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null
}
