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

const rendererConfig = join(root, 'renderer', 'vite.config.ts')
if (!onlyCli && existsSync(rendererConfig)) {
  const { build: viteBuild } = await import('vite')
  await viteBuild({ configFile: rendererConfig, logLevel: 'warn' })
}
