import { join } from 'node:path'
import { startDemoServer, type DemoServer } from './start-demo-server'
import type { DemoStarter } from '../node/service/server-connections'

/**
 * Starts the in-process demo server on first use, with two hours of history; `close` stops it.
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
      })
      return demo
    },
    close: async () => {
      await (await demo)?.close()
    },
  }
}
