// Bundles the command line (and, where present, the Electron shell) with esbuild, and the
// renderer with Vite. Runs on `npm install` (prepare), so `npx hush` works on a fresh clone.
import { build } from 'esbuild'
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { thirdPartyNotices } from './licenses/third-party-notices.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const onlyCli = process.argv.includes('--cli')
/** npm packages with a native module: they load their `.node` file from node_modules. */
const nativePackages = ['better-sqlite3']
/** The name every chunk of the command line starts with (package.json `files` lists them so). */
const cliChunkPrefix = 'hush-chunk-'
/** Every module file of a bundle Hush ships, for the third-party notices. */
const shipped = []

/**
 * Node-side bundles. The command line and its parser worker hold every package but the native
 * SQLite module, which loads its `.node` file from node_modules: loading zod, the XML parser and
 * the zip readers as hundreds of ES modules cost every `hush` command about 0.1 s of its start.
 * The benchmarks keep their packages (Playwright among them) external.
 */
const nodeBuilds = [
  {
    entries: [
      { in: 'electron/cli/main.ts', out: 'hush' },
      // The log parser's worker thread, loaded beside the bundle that starts it (parse-batches.ts).
      { in: 'electron/node/outbound/parse/outbound-worker.ts', out: 'outbound-worker' },
    ],
    // Split where the command table loads a command (command-table.ts): a command compiles and
    // runs only its own code and what it shares, in chunks beside the entries (so that the worker
    // is still found beside whatever chunk starts it).
    unbundled: {
      external: nativePackages,
      splitting: true,
      chunkNames: `${cliChunkPrefix}[hash]`,
    },
    ships: true,
  },
  {
    entries: [
      { in: 'scripts/bench/bench.ts', out: 'bench' },
      { in: 'scripts/bench/faces-bench.ts', out: 'faces-bench' },
      { in: 'scripts/bench/witness-bench.ts', out: 'witness-bench' },
    ],
    unbundled: { packages: 'external' },
    ships: false,
  },
]

// The chunks of an earlier build have other hashes: remove them, so dist/ holds one set.
for (const name of existsSync(join(root, 'dist')) ? readdirSync(join(root, 'dist')) : []) {
  if (name.startsWith(cliChunkPrefix)) {
    rmSync(join(root, 'dist', name))
  }
}

for (const { entries, unbundled, ships } of nodeBuilds) {
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: entries.filter(entry => existsSync(join(root, entry.in))),
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    ...unbundled,
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __hushRequire } from 'node:module'; const require = __hushRequire(import.meta.url);",
    },
  })
  if (ships) {
    shipped.push(...Object.keys(metafile.inputs))
  }
}

/**
 * The Electron shell, when its sources exist. Main: ESM for Node, with Electron and the native
 * packages left to the runtime (better-sqlite3 loads the `.node` built for Electron's ABI); the
 * demo server in a bundle of its own, which main loads on demand.
 * Preload: one CommonJS file, because a sandboxed preload can require nothing but `electron`.
 */
const shellBuilds = [
  {
    entry: 'electron/main/index.ts',
    outfile: 'dist/main/index.mjs',
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: ['electron', ...nativePackages],
    banner: {
      js: "import { createRequire as __hushRequire } from 'node:module'; const require = __hushRequire(import.meta.url);",
    },
  },
  {
    // The log parser's worker beside the main bundle (parse-batches.ts finds it there), whole in
    // one file: inside app.asar the main process hands its text to the worker thread as a data:
    // URL (worker-script.ts), so it may import nothing but Node's own modules, and has no banner
    // (a data: URL is no address for `createRequire`).
    entry: 'electron/node/outbound/parse/outbound-worker.ts',
    outfile: 'dist/main/outbound-worker.mjs',
    format: 'esm',
    platform: 'node',
    target: 'node22',
  },
  {
    // The demo server, apart from the main bundle: the desktop loads it only when the demo is
    // asked for (electron/main/on-demand-demo.ts), so the desktop bundle holds no demo code.
    entry: 'electron/demo/demo-starter.ts',
    outfile: 'dist/demo/demo-starter.mjs',
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: nativePackages,
    banner: {
      js: "import { createRequire as __hushRequire } from 'node:module'; const require = __hushRequire(import.meta.url);",
    },
  },
  {
    entry: 'electron/preload/index.ts',
    outfile: 'dist/preload/index.cjs',
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    external: ['electron'],
  },
].filter(shell => !onlyCli && existsSync(join(root, shell.entry)))

for (const { entry, ...options } of shellBuilds) {
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    ...options,
  })
  shipped.push(...Object.keys(metafile.inputs))
}

const rendererConfig = join(root, 'renderer', 'vite.config.ts')
if (!onlyCli && existsSync(rendererConfig)) {
  const { build: viteBuild } = await import('vite')
  const built = await viteBuild({ configFile: rendererConfig, logLevel: 'warn' })
  for (const { output } of Array.isArray(built) ? built : [built]) {
    shipped.push(...output.flatMap(chunk => chunk.moduleIds ?? []))
  }
}

// A full build knows every bundle the package and the desktop app ship: their packages' notices.
if (!onlyCli) {
  writeFileSync(join(root, 'dist', 'THIRD-PARTY-NOTICES.txt'), thirdPartyNotices(root, shipped))
}
