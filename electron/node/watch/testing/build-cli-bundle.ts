import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

/** The repository root (node_modules is there, so the bundle's packages resolve). */
export const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url))

/**
 * Bundles the CLI from the current sources into its own file under dist/, for tests that start
 * `hush` as separate processes (a restart between two commands); `remove` deletes it again.
 */
export async function buildCliBundle(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = join(repoRoot, 'dist', `hush-test-${process.pid}-${Date.now()}.mjs`)
  await build({
    absWorkingDir: repoRoot,
    entryPoints: ['electron/cli/main.ts'],
    outfile: path,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __hushRequire } from 'node:module'; const require = __hushRequire(import.meta.url);",
    },
  })
  return { path, remove: () => rm(path, { force: true }) }
}
