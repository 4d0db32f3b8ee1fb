import { join } from 'node:path'
import { startDemoServer, type DemoServer } from './start-demo-server'
import type { StartedDemo } from '../node/service/server-connections'

/** Starts the in-process demo server on first use, with two hours of history; `close` stops it. */
export function createDemoStarter(
  stateDir: string,
  speed = 1,
): { readonly start: () => Promise<StartedDemo>; readonly close: () => Promise<void> } {
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
