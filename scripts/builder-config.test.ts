import { execFile } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { Configuration } from 'app-builder-lib'
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js'
import { DebugLogger } from 'builder-util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const config = require(join(root, 'electron-builder.config.cjs')) as Configuration
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string
  scripts: Record<string, string>
  devDependencies: Record<string, string>
}

describe('electron-builder configuration', () => {
  it('is accepted by electron-builder’s own schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('names the app and keeps build resources and output where the project expects them', () => {
    expect(config).toMatchObject({
      appId: 'app.hush.dashboard',
      productName: 'Hush',
      directories: { buildResources: 'build', output: 'release/${version}' },
      asar: true,
      asarUnpack: ['**/*.node'],
      publish: null,
    })
  })

  it('sets every fuse of the packaged app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('rebuilds native modules for Electron on the packaging machine', () => {
    expect(config).toMatchObject({ npmRebuild: true, nodeGypRebuild: false })
  })

  it('targets AppImage and deb, a hardened dmg, and a per-user nsis installer', () => {
    expect(config.linux).toMatchObject({
      target: ['AppImage', 'deb'],
      category: 'Utility',
      icon: 'build/icons',
    })
    expect(config.linux?.maintainer).toMatch(/<[^@>]+@[^>]+>/)
    expect(config.mac).toMatchObject({
      target: [{ target: 'dmg' }],
      category: 'public.app-category.utilities',
      hardenedRuntime: true,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
    })
    expect(config.win).toMatchObject({ target: [{ target: 'nsis' }] })
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false })
  })

  it('refers only to icons and entitlements that exist', () => {
    const paths = [
      config.linux?.icon,
      config.mac?.icon,
      config.mac?.entitlements,
      config.mac?.entitlementsInherit,
      config.win?.icon,
    ]
    for (const path of paths) {
      expect(typeof path === 'string' && existsSync(join(root, path)), String(path)).toBe(true)
    }
    expect(existsSync(join(root, 'build/icons/512x512.png'))).toBe(true)
    expect(existsSync(join(root, 'build/icon.png'))).toBe(true)
  })

  it('bundles a preload that requires nothing but electron, as a sandboxed preload must', () => {
    const preload = readFileSync(join(root, 'dist/preload/index.cjs'), 'utf8')
    const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map(m => m[1])
    expect(new Set(required)).toEqual(new Set(['electron']))
    expect(preload).not.toMatch(/^import\s/m)
  })

  it('starts the main bundle, and `npm run dist` builds before packaging', () => {
    expect(packageJson.main).toBe('dist/main/index.mjs')
    expect(packageJson.scripts.dist).toMatch(/^node scripts\/build\.mjs && electron-builder /)
    expect(packageJson.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/)
  })
})

/**
 * Packs the app for real (`electron-builder --linux dir`) from the working tree into a temp folder,
 * with a stand-in Electron folder, no native rebuild and no fuses: what those need is downloaded,
 * and nothing may be downloaded or rebuilt here. What the archive holds is decided by `files`.
 */
describe('the packaged app archive', () => {
  let work = ''
  let entries: string[] = []
  let unpacked: string[] = []
  let resources = ''
  // Until the main process is built, the preload stands in as the entry electron-builder requires.
  const mainBuilt = existsSync(join(root, packageJson.main))
  const entry = mainBuilt ? packageJson.main : 'dist/preload/index.cjs'

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'hush-'))
    const electron = join(work, 'electron')
    mkdirSync(join(electron, 'resources'), { recursive: true })
    writeFileSync(join(electron, 'electron'), '#!/bin/sh\n', { mode: 0o755 })
    writeFileSync(join(electron, 'version'), packageJson.devDependencies.electron ?? '')
    const probe = join(work, 'probe.cjs')
    const overrides = {
      electronDist: electron,
      electronVersion: packageJson.devDependencies.electron,
      npmRebuild: false,
      electronFuses: null,
      extraMetadata: { main: entry },
      output: join(work, 'out'),
    }
    writeFileSync(
      probe,
      `const base = require(${JSON.stringify(join(root, 'electron-builder.config.cjs'))})
const { output, ...overrides } = ${JSON.stringify(overrides)}
module.exports = { ...base, ...overrides, directories: { ...base.directories, output },
  linux: { ...base.linux, target: ['dir'] } }
`,
    )
    const builder = join(root, 'node_modules', 'electron-builder', 'cli.js')
    await promisify(execFile)(process.execPath, [builder, '--linux', 'dir', '--config', probe], {
      cwd: root,
      env: { ...process.env, CI: 'true' },
    })
    resources = join(work, 'out', 'linux-unpacked', 'resources')
    const asar = require('@electron/asar') as { listPackage(path: string): string[] }
    entries = asar.listPackage(join(resources, 'app.asar')).map(name => name.split(sep).join('/'))
    unpacked = readdirSync(join(resources, 'app.asar.unpacked'), { recursive: true }).map(name =>
      String(name).split(sep).join('/'),
    )
  }, 240_000)

  afterAll(() => {
    rmSync(work, { recursive: true, force: true })
  })

  it('holds the bundles and package.json', () => {
    expect(entries).toContain('/package.json')
    expect(entries).toContain(`/${entry}`)
    expect(entries).toContain('/dist/preload/index.cjs')
    expect(entries).toContain('/dist/renderer/index.html')
    // The log parser's worker, inside the archive under its integrity check: the main process
    // reads it and hands it to its thread as a data: URL (parse-on-worker.test.ts).
    expect(entries).toContain('/dist/main/outbound-worker.mjs')
    expect(unpacked.filter(path => path.startsWith('dist/'))).toEqual([])
    // The demo server's own bundle, loaded on demand (scripts/desktop-without-demo.test.ts).
    expect(entries).toContain('/dist/demo/demo-starter.mjs')
    // The licenses of the packages inside the bundles.
    expect(entries).toContain('/dist/THIRD-PARTY-NOTICES.txt')
  })

  it('puts every tray image beside the archive, where Windows can read an .ico directly', () => {
    const trayImages = readdirSync(join(root, 'assets')).filter(name => name.startsWith('tray'))
    expect(trayImages.length).toBeGreaterThanOrEqual(15)
    expect(readdirSync(join(resources, 'assets')).sort()).toEqual(trayImages.sort())
    expect(entries.filter(name => name.startsWith('/assets'))).toEqual([])
  })

  it('leaves out sources, tests, e2e, web mode, the command line, source maps and configs', () => {
    const forbidden = entries.filter(
      entry =>
        /^\/(electron|renderer\/src|e2e|scripts|build|docs|bin)\//.test(entry) ||
        /\.(ts|tsx|map)$/.test(entry) ||
        /\.test\./.test(entry) ||
        /^\/dist\/(hush|bench)\.mjs$/.test(entry) ||
        /^\/[^/]+\.config\.[cm]?[jt]s$/.test(entry) ||
        /^\/tsconfig/.test(entry),
    )
    expect(forbidden).toEqual([])
  })

  it('ships better-sqlite3 unpacked from the archive, without its C sources', () => {
    expect(entries).toContain('/node_modules/better-sqlite3/lib/index.js')
    expect(entries).toContain('/node_modules/bindings/bindings.js')
    expect(unpacked).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node')
    expect(entries.filter(entry => /better-sqlite3\/(deps|src)\//.test(entry))).toEqual([])
    expect(unpacked.filter(path => /test_extension|\.a$|sqlite3\.c$/.test(path))).toEqual([])
  })

  it('ships no npm package that the bundles already contain', () => {
    const packages = new Set(
      entries
        .map(entry => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(entry)?.[1])
        .filter(name => name !== undefined),
    )
    expect([...packages].sort()).toEqual(['better-sqlite3', 'bindings', 'file-uri-to-path'])
  })

  it('finds every package the main and demo bundles import at run time inside the app', () => {
    const main = [entry, 'dist/demo/demo-starter.mjs']
      .map(bundle => readFileSync(join(root, bundle), 'utf8'))
      .join('\n')
    // What esbuild leaves for run time: top-level imports, import() and __require() of externals
    // (not the require("…") text inside code templates, such as ajv's).
    const runtimeImport =
      /(?:^import\s[^;]*?from\s*|^import\s*|\bimport\(\s*|\b__require\(\s*)["']([^"'./][^"']*)["']/gm
    const bare = [...main.matchAll(runtimeImport)]
      .map(match => match[1] ?? '')
      .filter(name => !name.startsWith('node:') && name !== 'electron')
      .filter(name => !builtinModules.includes(name.split('/')[0] ?? ''))
      .map(name =>
        name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0],
      )
    for (const name of new Set(bare)) {
      expect(entries, `${name} is imported by a bundle`).toContain(
        `/node_modules/${name}/package.json`,
      )
    }
  })
})
