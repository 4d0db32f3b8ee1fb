// The pure parts of `npm start`: which Electron is installed, where its copy of better-sqlite3 is
// built, how the tools are called, and whether a built `.node` really targets Electron's ABI.
// scripts/start-electron.mjs bundles this file with esbuild before it imports it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** A failure with a message for the owner, or success with the value's fields. */
export type Checked<T extends object = object> = ({ ok: true } & T) | { ok: false; message: string }

/** Electron's version and the platform and CPU it is built for. */
export interface ElectronTarget {
  version: string
  platform: string
  arch: string
}

/** The native package Hush loads, and the file its build produces. */
export const nativePackage = { name: 'better-sqlite3', binary: 'build/Release/better_sqlite3.node' }

/** Where Electron's headers are downloaded from when no prebuilt binary fits. */
export const electronHeadersUrl = 'https://electronjs.org/headers'

/**
 * The installed Electron's version and module ABI, read from its npm package (`abi_version` ships
 * with it), or null with the reason when the package is missing or incomplete.
 */
export function readElectronInfo(
  electronPackageDir: string,
): Checked<{ version: string; abi: number }> {
  try {
    const { version } = JSON.parse(
      readFileSync(join(electronPackageDir, 'package.json'), 'utf8'),
    ) as { version?: unknown }
    const abi = Number(readFileSync(join(electronPackageDir, 'abi_version'), 'utf8').trim())
    if (typeof version !== 'string' || !/^\d+\.\d+\.\d+/.test(version) || !Number.isInteger(abi)) {
      return { ok: false, message: `${electronPackageDir} has no usable version or abi_version` }
    }
    return { ok: true, version, abi }
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error)
    return {
      ok: false,
      message: `Electron's npm package is not usable (${reason}); run npm install`,
    }
  }
}

/** The folder (ignored by git) that holds Electron's build of the native package for one target. */
export function nativeBuildDir(root: string, { version, platform, arch }: ElectronTarget): string {
  return join(
    root,
    '.electron-native',
    `${nativePackage.name}-electron-${version}-${platform}-${arch}`,
  )
}

/** The arguments of `prebuild-install` fetching the prebuilt binary for Electron. */
export function prebuildInstallArgs({ version, platform, arch }: ElectronTarget): string[] {
  return [
    '--runtime=electron',
    `--target=${version}`,
    `--arch=${arch}`,
    `--platform=${platform}`,
    '--verbose',
  ]
}

/** The arguments of `node-gyp` compiling the package against Electron's headers. */
export function nodeGypArgs(
  { version, arch }: Omit<ElectronTarget, 'platform'>,
  headersDir: string,
): string[] {
  return [
    'rebuild',
    '--release',
    `--target=${version}`,
    `--arch=${arch}`,
    `--dist-url=${electronHeadersUrl}`,
    `--devdir=${headersDir}`,
  ]
}

// npm hands its configuration to scripts as npm_config_* variables; a `nodedir` there makes
// node-gyp compile against Node's headers whatever --target says (docs/packaging.md, "Never ship").
const buildSettings =
  /^npm_config_(nodedir|target|arch|runtime|disturl|dist_url|devdir|build_from_source|platform)$/i

/** The environment for the native build tools: npm's build settings removed. */
export function buildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !buildSettings.test(key)))
}

/** The environment Electron starts with: the binding's path for the main process, never run-as-node. */
export function launchEnv(env: NodeJS.ProcessEnv, bindingPath: string): NodeJS.ProcessEnv {
  const launched: NodeJS.ProcessEnv = { ...env, HUSH_SQLITE_BINDING: bindingPath }
  delete launched.ELECTRON_RUN_AS_NODE
  return launched
}

/** The module ABIs a native addon registers itself for (`node_register_module_v<abi>` symbols). */
export function registeredAbis(bytes: Uint8Array): number[] {
  const text = Buffer.from(bytes).toString('latin1')
  const abis = new Set<number>()
  for (const match of text.matchAll(/node_register_module_v(\d+)/g)) {
    abis.add(Number(match[1]))
  }
  return [...abis].sort((a, b) => a - b)
}

/**
 * Whether an addon's bytes were built for Electron's ABI. A build for the running Node's ABI is the
 * silent failure of a rebuild without Electron's headers; it must never be loaded or shipped.
 */
export function checkBindingAbi(
  bytes: Uint8Array,
  { electronAbi, nodeAbi }: { electronAbi: number; nodeAbi: number },
): Checked {
  const abis = registeredAbis(bytes)
  if (abis.length === 1 && abis[0] === electronAbi) {
    return { ok: true }
  }
  if (abis.includes(nodeAbi)) {
    return {
      ok: false,
      message: `it was built for Node's module ABI ${nodeAbi}, not Electron's ${electronAbi}: the build used Node's headers instead of Electron's`,
    }
  }
  if (abis.length === 0) {
    return {
      ok: false,
      message: `it registers no module ABI, so it cannot be checked against Electron's ${electronAbi}`,
    }
  }
  return {
    ok: false,
    message: `it was built for module ABI ${abis.join(', ')}, not Electron's ${electronAbi}`,
  }
}

/**
 * The one line `npm start` prints when Electron's binary cannot be had (no network, a proxy, a
 * mirror that is down): why the desktop app cannot start, and the dashboard that runs without it.
 */
export function noElectronLine(version: string, output: string): string {
  const reason =
    output
      .split('\n')
      .map(line => line.trim())
      .find(line => line !== '' && !line.startsWith('at ')) ?? 'no answer'
  return `cannot start the desktop app: Electron ${version} could not be downloaded (${reason}); without network, run the same dashboard in your browser: npx hush serve --demo`
}

/** The environment for Electron's own installer: `npm start` wants the binary, whatever npm ci skipped. */
export function installEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const result = { ...env }
  delete result.ELECTRON_SKIP_BINARY_DOWNLOAD
  return result
}
