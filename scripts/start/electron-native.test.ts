import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildEnv,
  checkBindingAbi,
  launchEnv,
  nativeBuildDir,
  nativePackage,
  nodeGypArgs,
  prebuildInstallArgs,
  readElectronInfo,
  registeredAbis,
} from './electron-native'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const nodeAbi = Number(process.versions.modules)
const nodeBuild = readFileSync(join(root, 'node_modules', nativePackage.name, nativePackage.binary))
const target = { version: '45.5.0', platform: 'linux', arch: 'x64' }

let work = ''
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'hush-'))
})
afterAll(() => {
  rmSync(work, { recursive: true, force: true })
})

describe('readElectronInfo', () => {
  it('reads the installed Electron’s version and ABI from its npm package', () => {
    const devDependencies = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        devDependencies: Record<string, string>
      }
    ).devDependencies
    const info = readElectronInfo(join(root, 'node_modules', 'electron'))
    expect(info).toEqual({ ok: true, version: devDependencies.electron, abi: 150 })
  })

  it('says to run npm install when the package is missing', () => {
    const info = readElectronInfo(join(work, 'no-electron'))
    expect(info).toMatchObject({
      ok: false,
      message: expect.stringMatching(/run npm install/) as string,
    })
  })

  it('refuses a package without a usable ABI number', () => {
    const dir = join(work, 'bad-electron')
    mkdirSync(dir)
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '45.5.0' }))
    writeFileSync(join(dir, 'abi_version'), 'unknown\n')
    expect(readElectronInfo(dir)).toMatchObject({ ok: false })
  })
})

describe('checkBindingAbi', () => {
  const addon = (...abis: number[]): Buffer =>
    Buffer.from(`\x7fELF…${abis.map(abi => `node_register_module_v${abi}\0`).join('…')}…`, 'latin1')

  it('finds the ABI that the Node build in node_modules registers', () => {
    expect(registeredAbis(nodeBuild)).toEqual([nodeAbi])
  })

  it('refuses the Node build of better-sqlite3 for Electron, naming both ABIs', () => {
    const verdict = checkBindingAbi(nodeBuild, { electronAbi: 150, nodeAbi })
    expect(verdict).toEqual({
      ok: false,
      message: expect.stringContaining(
        `Node's module ABI ${nodeAbi}, not Electron's 150`,
      ) as string,
    })
  })

  it('accepts an addon that registers Electron’s ABI only', () => {
    expect(checkBindingAbi(addon(150), { electronAbi: 150, nodeAbi })).toEqual({ ok: true })
  })

  it('refuses an addon for another ABI, or one that registers none', () => {
    expect(checkBindingAbi(addon(146), { electronAbi: 150, nodeAbi })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/module ABI 146, not Electron's 150/) as string,
    })
    expect(
      checkBindingAbi(Buffer.from('plain bytes'), { electronAbi: 150, nodeAbi }),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/registers no module ABI/) as string,
    })
  })
})

describe('the native build for Electron', () => {
  it('lives in .electron-native/, which git ignores, one folder per Electron version and target', () => {
    const dir = nativeBuildDir(root, target)
    expect(relative(root, dir)).toBe(
      join('.electron-native', 'better-sqlite3-electron-45.5.0-linux-x64'),
    )
    expect(readFileSync(join(root, '.gitignore'), 'utf8').split('\n')).toContain(
      '.electron-native/',
    )
  })

  it('asks prebuild-install for Electron’s runtime, version and CPU', () => {
    expect(prebuildInstallArgs(target)).toEqual(
      expect.arrayContaining([
        '--runtime=electron',
        '--target=45.5.0',
        '--arch=x64',
        '--platform=linux',
      ]),
    )
  })

  it('compiles with node-gyp against Electron’s headers, never Node’s', () => {
    const args = nodeGypArgs(target, '/cache/headers')
    expect(args[0]).toBe('rebuild')
    expect(args).toEqual(
      expect.arrayContaining([
        '--target=45.5.0',
        '--arch=x64',
        '--dist-url=https://electronjs.org/headers',
        '--devdir=/cache/headers',
      ]),
    )
  })

  it('runs the build tools without npm’s nodedir and target settings', () => {
    const env = buildEnv({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_TARGET: '20.19.0',
      npm_config_runtime: 'node',
      npm_config_cache: '/root/.npm',
    })
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_cache: '/root/.npm' })
  })

  it('starts Electron with the binding’s path and never as plain Node', () => {
    const env = { PATH: '/usr/bin', ELECTRON_RUN_AS_NODE: '1' }
    expect(launchEnv(env, '/x/better_sqlite3.node')).toEqual({
      PATH: '/usr/bin',
      HUSH_SQLITE_BINDING: '/x/better_sqlite3.node',
    })
    expect(env.ELECTRON_RUN_AS_NODE).toBe('1')
  })

  it('bundles into the plain module that the start script imports', async () => {
    const outfile = join(work, 'electron-native.mjs')
    await build({
      entryPoints: [join(root, 'scripts', 'start', 'electron-native.ts')],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      logLevel: 'silent',
    })
    const bundled = (await import(pathToFileURL(outfile).href)) as {
      registeredAbis: typeof registeredAbis
    }
    expect(bundled.registeredAbis(nodeBuild)).toEqual([nodeAbi])
  })
})
