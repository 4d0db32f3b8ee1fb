// `npm start`: runs the desktop app from a clone, on a machine with internet access. It makes sure
// Electron's binary is downloaded (or says in one line why not, and what runs without it), builds
// the bundles, builds Electron's own copy of better-sqlite3 in .electron-native/ (the Node build in
// node_modules stays for `npm test`), checks that copy really targets Electron's ABI, and starts
// Electron with its path in HUSH_SQLITE_BINDING. Arguments after `npm start --` go to the app
// (e.g. `npm start -- --smoke`).
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const modules = join(root, 'node_modules')
const require = createRequire(join(root, 'package.json'))

// The checks live in TypeScript beside their tests; esbuild turns them into a module to import.
const helpers = join(root, '.electron-native', 'electron-native.mjs')
const { build } = await import('esbuild')
await build({
  entryPoints: [join(root, 'scripts', 'start', 'electron-native.ts')],
  outfile: helpers,
  bundle: true,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
})
const {
  buildEnv,
  checkBindingAbi,
  installEnv,
  launchEnv,
  nativeBuildDir,
  nativePackage,
  noElectronLine,
  nodeGypArgs,
  prebuildInstallArgs,
  readElectronInfo,
} = await import(pathToFileURL(helpers).href)

/** Stops with one clear line (and a hint) instead of a stack trace. */
function fail(message, hint) {
  console.error(`hush start: ${message}`)
  if (hint) {
    console.error(`  ${hint}`)
  }
  process.exit(1)
}

/** Runs a Node script to completion with the terminal attached; true when it exits 0. */
function runNode(script, args, options = {}) {
  const result = spawnSync(process.execPath, [script, ...args], { stdio: 'inherit', ...options })
  if (result.error) {
    fail(`could not run ${script}: ${result.error.message}`)
  }
  return result.status === 0
}

// 1. Electron's binary: its npm package downloads it on first use. Without it nothing below helps,
// so this comes first, and its failure is one line.
const electron = readElectronInfo(join(modules, 'electron'))
if (!electron.ok) {
  fail(electron.message)
}
const install = spawnSync(process.execPath, [join(modules, 'electron', 'install.js')], {
  cwd: root,
  env: installEnv(process.env),
  encoding: 'utf8',
})
if (install.status !== 0) {
  fail(noElectronLine(electron.version, `${install.stderr ?? ''}\n${install.stdout ?? ''}`))
}
let electronBinary
try {
  electronBinary = require('electron')
} catch (error) {
  fail(noElectronLine(electron.version, error.message))
}

// 2. The bundles: main, preload and renderer.
console.log('hush start: building…')
if (!runNode(join(root, 'scripts', 'build.mjs'), [], { cwd: root })) {
  fail('the build failed (see above)')
}
const main = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).main
if (!existsSync(join(root, main))) {
  fail(`the build made no ${main}`, 'the main process (electron/main/index.ts) is missing')
}

// 3. Electron's build of better-sqlite3, kept apart from the Node build in node_modules.
const target = { version: electron.version, platform: process.platform, arch: process.arch }
const abis = { electronAbi: electron.abi, nodeAbi: Number(process.versions.modules) }
const buildDir = nativeBuildDir(root, target)
const binding = join(buildDir, nativePackage.binary)

/** The verdict on the binding currently in buildDir. */
const verdict = () => (existsSync(binding) ? checkBindingAbi(readFileSync(binding), abis) : null)

if (verdict()?.ok !== true) {
  console.log(
    `hush start: building ${nativePackage.name} for Electron ${electron.version} (${target.platform}-${target.arch})…`,
  )
  rmSync(buildDir, { recursive: true, force: true })
  mkdirSync(dirname(buildDir), { recursive: true })
  const source = join(modules, nativePackage.name)
  if (!existsSync(source)) {
    fail(`${nativePackage.name} is not installed`, 'run npm install')
  }
  // A fresh copy without the Node build, so nothing of it can be mistaken for Electron's.
  cpSync(source, buildDir, { recursive: true, filter: path => path !== join(source, 'build') })
  const env = buildEnv(process.env)
  const fetched = runNode(
    join(modules, 'prebuild-install', 'bin.js'),
    prebuildInstallArgs(target),
    {
      cwd: buildDir,
      env,
    },
  )
  if (!fetched || !existsSync(binding)) {
    console.log(
      'hush start: no prebuilt binary; compiling against Electron’s headers (needs a C++ toolchain)…',
    )
    const headers = join(root, '.electron-native', 'headers')
    if (
      !runNode(join(modules, 'node-gyp', 'bin', 'node-gyp.js'), nodeGypArgs(target, headers), {
        cwd: buildDir,
        env,
      })
    ) {
      fail(
        `could not build ${nativePackage.name} for Electron ${electron.version}`,
        'it needs internet access, Python 3 and a C++ compiler (see docs/packaging.md)',
      )
    }
  }
}

const final = verdict()
if (final === null) {
  fail(`the build left no ${nativePackage.binary} in ${buildDir}`)
}
if (!final.ok) {
  rmSync(buildDir, { recursive: true, force: true })
  fail(
    `refusing to start: ${binding} is unusable because ${final.message}`,
    'the copy was removed; run npm start again on a machine that can download Electron’s headers',
  )
}

// 4. Electron itself, on the app in this folder (package.json's main).
console.log(`hush start: starting Electron ${electron.version}`)
const child = spawn(electronBinary, [root, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: launchEnv(process.env, binding),
})
child.on('error', error => fail(`could not start Electron: ${error.message}`))
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal))
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
