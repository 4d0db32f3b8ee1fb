// Bundles the command line (and, where present, the Electron shell) with esbuild, and the
// renderer with Vite. Runs on `npm install` (prepare), so `npx hush` works on a fresh clone.
import { build } from 'esbuild'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const onlyCli = process.argv.includes('--cli')

/** Node-side bundles: npm packages stay external so native modules load from node_modules. */
const nodeEntries = [
  { in: 'electron/cli/main.ts', out: 'hush' },
  { in: 'scripts/bench/bench.ts', out: 'bench' },
  { in: 'scripts/bench/faces-bench.ts', out: 'faces-bench' },
  { in: 'scripts/bench/witness-bench.ts', out: 'witness-bench' },
  // The log parser's worker thread, loaded beside the bundle that starts it (parse-batches.ts).
  { in: 'electron/node/outbound/parse/outbound-worker.ts', out: 'outbound-worker' },
].filter(entry => existsSync(join(root, entry.in)))

await build({
  absWorkingDir: root,
  entryPoints: nodeEntries,
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __hushRequire } from 'node:module'; const require = __hushRequire(import.meta.url);",
  },
})

/**
 * The Electron shell, when its sources exist. Main: ESM for Node, with Electron and the native
 * packages left to the runtime (better-sqlite3 loads the `.node` built for Electron's ABI); the
 * demo server in a bundle of its own, which main loads on demand.
 * Preload: one CommonJS file, because a sandboxed preload can require nothing but `electron`.
 */
const nativePackages = ['better-sqlite3']
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
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    sourcemap: true,
    logLevel: 'warning',
    ...options,
  })
}

const rendererConfig = join(root, 'renderer', 'vite.config.ts')
if (!onlyCli && existsSync(rendererConfig)) {
  const { build: viteBuild } = await import('vite')
  await viteBuild({ configFile: rendererConfig, logLevel: 'warn' })
}
