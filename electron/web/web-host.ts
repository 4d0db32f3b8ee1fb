import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { apiEventNames } from '../common/api/contract'
import { createCoreService, type CoreService } from '../node/service/create-core-service'
import {
  createPrivateFileSecretStore,
  privateSecretsFileName,
} from '../node/secrets/private-file-secret-store'
import { createDemoStarter } from '../demo/demo-starter'
import { createFileSettingsStore } from '../node/settings/file-settings-store'
import { serveHttp, type HttpBridgeServer } from './serve-http'

/** How to start web mode. */
export interface WebHostOptions {
  readonly stateDir: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly port?: number
  readonly host?: string
  readonly password?: string
  /** Host names (and addresses) the dashboard is reached by, besides loopback and `host`. */
  readonly allowedHosts?: readonly string[]
  /** Start the demo server in-process and connect to it. */
  readonly demo?: boolean
  readonly demoSpeed?: number
  readonly onWarning?: (message: string) => void
}

/** A running web mode: the core, the HTTP bridge and, with --demo, the demo server. */
export interface WebHost {
  readonly server: HttpBridgeServer
  readonly core: CoreService
  readonly close: () => Promise<void>
}

/** Where the built renderer is: beside the CLI bundle (dist/renderer), or HUSH_RENDERER_DIR. */
export function findRendererDir(
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const candidates = [
    env.HUSH_RENDERER_DIR,
    fileURLToPath(new URL('./renderer/', import.meta.url)),
    fileURLToPath(new URL('../../dist/renderer/', import.meta.url)),
  ]
  return candidates.find(dir => dir !== undefined && existsSync(join(dir, 'index.html')))
}

/** Starts web mode: the core service behind the HTTP bridge, serving the dashboard. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const demo = createDemoStarter(options.stateDir, options.demoSpeed ?? 1)
  const core = await createCoreService({
    stateDir: options.stateDir,
    env: options.env,
    // The plex.tv sign-in and the tokens of servers picked through it, in an owner-only file.
    secrets: createPrivateFileSecretStore(join(options.stateDir, privateSecretsFileName)),
    settings: createFileSettingsStore(options.stateDir, movedTo =>
      options.onWarning?.(`the settings file was unreadable; it was kept as ${movedTo}`),
    ),
    startDemo: demo.start,
    onBackgroundError: error =>
      options.onWarning?.(error instanceof Error ? error.message : String(error)),
    // `hush serve` says at start what the owner must know: an apply that was interrupted.
    notifier: {
      notify: notice => {
        if (notice.kind === 'applyInterrupted') {
          options.onWarning?.(notice.body)
        }
      },
    },
  })
  if (options.demo) {
    const connected = await core.api['server.connectDemo']({})
    if (!connected.ok) {
      throw new Error(connected.error.message)
    }
  } else {
    await core.start()
  }
  const staticDir = findRendererDir(options.env)
  if (staticDir === undefined) {
    options.onWarning?.('the dashboard is not built (run `npm run build`); only the API is served')
  }
  const server = await serveHttp({
    api: core.api,
    events: core.events,
    staticDir,
    port: options.port ?? 0,
    host: options.host,
    password: options.password,
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    eventNames: apiEventNames,
  })
  return {
    server,
    core,
    close: async () => {
      await server.close()
      await core.stop()
      await demo.close()
    },
  }
}
