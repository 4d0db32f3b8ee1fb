import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDemoServer, type DemoServer, type DemoServerOptions } from './start-demo-server'

/** A demo server in a fresh temporary data folder, for tests; `cleanup` stops it and removes the folder. */
export async function startTestDemo(
  options: Partial<DemoServerOptions> = {},
): Promise<{ demo: DemoServer; dataDir: string; cleanup: () => Promise<void> }> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'hush-demo-')))
  const demo = await startDemoServer({ seed: 7, ...options, dataDir })
  return {
    demo,
    dataDir,
    cleanup: async () => {
      await demo.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** Calls the demo with its token (unless `token: null`) and the asked format. */
export async function call(
  demo: DemoServer,
  path: string,
  options: { method?: string; json?: boolean; token?: string | null; body?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = {}
  const token = options.token === undefined ? demo.token : options.token
  if (token !== null) {
    headers['X-Plex-Token'] = token
  }
  if (options.json === true) {
    headers.Accept = 'application/json'
  }
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded'
  }
  return fetch(`${demo.url}${path}`, {
    method: options.method ?? 'GET',
    headers,
    ...(options.body === undefined ? {} : { body: options.body }),
  })
}

/** GETs JSON from the demo. */
export async function getJson<T = Record<string, unknown>>(
  demo: DemoServer,
  path: string,
): Promise<T> {
  const response = await call(demo, path, { json: true })
  if (!response.ok) {
    throw new Error(`${path}: HTTP ${response.status}`)
  }
  return (await response.json()) as T
}
