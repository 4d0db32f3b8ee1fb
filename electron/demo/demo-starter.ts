import { join } from 'node:path'
import { startDemoServer, type DemoServer } from './start-demo-server'
import type { DemoStarter } from '../node/service/server-connections'

/**
 * Starts the in-process demo server on first use, with two hours of history and real
 * connections (demo-connections.ts); `close` stops it.
 * Web mode imports it; the desktop loads it from its own bundle (dist/demo) when first asked.
 */
export function createDemoStarter(stateDir: string, speed = 1): DemoStarter {
  let demo: Promise<DemoServer> | undefined
  return {
    start: () => {
      demo ??= startDemoServer({
        dataDir: join(stateDir, 'demo-server'),
        port: 0,
        backfillHours: 2,
        speed,
        // Real connections of helper processes named like Plex's, for the connection witness.
        connections: true,
      })
      return demo
    },
    close: async () => {
      await (await demo)?.close()
    },
  }
}
