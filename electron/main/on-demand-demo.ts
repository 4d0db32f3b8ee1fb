import type { DemoStarter } from '../node/service/server-connections'

/**
 * The demo server's own bundle, beside the desktop's (scripts/build.mjs): dist/main/index.mjs
 * loads dist/demo/demo-starter.mjs.
 */
export const demoBundleUrl = new URL('../demo/demo-starter.mjs', import.meta.url)

/** What the demo bundle exports (electron/demo/demo-starter.ts). */
interface DemoBundle {
  readonly createDemoStarter: (stateDir: string) => DemoStarter
}

/**
 * The built-in demo server for "try the demo" and the smoke run, loaded from its own bundle the
 * first time it is asked for: the desktop bundle holds no demo code, and an owner who never tries
 * the demo never loads it.
 */
export function onDemandDemo(stateDir: string, bundleUrl: URL = demoBundleUrl): DemoStarter {
  let starter: Promise<DemoStarter> | undefined
  const load = () =>
    (starter ??= (import(bundleUrl.href) as Promise<Partial<DemoBundle>>).then(bundle => {
      if (typeof bundle.createDemoStarter !== 'function') {
        throw new Error(`${bundleUrl.href} is not the demo server's bundle`)
      }
      return bundle.createDemoStarter(stateDir)
    }))
  return {
    start: async () => (await load()).start(),
    close: async () => {
      await (await starter)?.close()
    },
  }
}
