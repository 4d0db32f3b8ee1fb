import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { onDemandDemo } from '../electron/main/on-demand-demo'

const root = fileURLToPath(new URL('..', import.meta.url))
const demoBundle = join(root, 'dist', 'demo', 'demo-starter.mjs')

/** Every file the desktop app ships from its bundles (electron-builder.config.cjs), maps aside. */
function desktopBundleFiles(): string[] {
  return ['main', 'preload', 'renderer'].flatMap(folder =>
    readdirSync(join(root, 'dist', folder), { recursive: true })
      .map(name => join(root, 'dist', folder, String(name)))
      .filter(path => /\.(m?js|cjs|html|css)$/.test(path)),
  )
}

// What only the demo server's code holds: the path esbuild writes above each module it bundles,
// and the names of the demo's entry points.
const demoMarkers = ['electron/demo/', 'startDemoServer', 'createTrafficGenerator']

// The desktop loads the demo server from its own bundle when the demo is asked for; the desktop's
// bundles hold none of it (scripts/build.mjs, electron/main/on-demand-demo.ts).
describe('the desktop bundles', () => {
  const work = mkdtempSync(join(tmpdir(), 'hush-demo-bundle-'))
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  it('hold no demo code, which its own bundle does', () => {
    const demo = readFileSync(demoBundle, 'utf8')
    for (const marker of demoMarkers) {
      expect(demo, `the demo bundle holds ${marker}`).toContain(marker)
    }
    const files = desktopBundleFiles()
    expect(files.map(path => path.slice(root.length))).toEqual(
      expect.arrayContaining(['dist/main/index.mjs', 'dist/preload/index.cjs']),
    )
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      const found = demoMarkers.filter(marker => text.includes(marker))
      expect(found, file.slice(root.length)).toEqual([])
    }
  })

  it('load the demo bundle from beside the main bundle', () => {
    const main = readFileSync(join(root, 'dist', 'main', 'index.mjs'), 'utf8')
    const relative = /new URL\("(\.\.\/demo\/[^"]+)", import\.meta\.url\)/.exec(main)?.[1]
    expect(relative).toBe('../demo/demo-starter.mjs')
    const mainUrl = pathToFileURL(join(root, 'dist', 'main', 'index.mjs'))
    expect(fileURLToPath(new URL(relative ?? '', mainUrl))).toBe(demoBundle)
  })

  it('start the built demo server from its bundle on first use, and stop it', async () => {
    const demo = onDemandDemo(work, pathToFileURL(demoBundle))
    const started = await demo.start()
    try {
      expect(await demo.start()).toBe(started)
      const identity = await fetch(`${started.url}/identity`, {
        headers: { 'X-Plex-Token': started.token, Accept: 'application/json' },
      })
      expect(identity.status).toBe(200)
      expect(started.dataDir.startsWith(work)).toBe(true)
    } finally {
      await demo.close()
    }
    await expect(fetch(`${started.url}/identity`)).rejects.toThrow()
  })

  it('say so when the file loaded is not the demo bundle', async () => {
    const other = join(work, 'other.mjs')
    writeFileSync(other, 'export const createServer = () => null\n')
    const demo = onDemandDemo(work, pathToFileURL(other))
    await expect(demo.start()).rejects.toThrow(/is not the demo server's bundle/)
  })
})
