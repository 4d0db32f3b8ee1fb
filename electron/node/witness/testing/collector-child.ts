import { execFile } from 'node:child_process'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { CollectedSample } from '../collector'

/** The collector bundled into one file, runnable by any user, for tests that run it as another. */
export interface CollectorChild {
  readonly collect: (options?: {
    uid?: number
    gid?: number
    env?: NodeJS.ProcessEnv
  }) => Promise<CollectedSample>
  readonly remove: () => Promise<void>
}

/** Bundles testing/collect-once.ts into a world-readable temporary folder. */
export async function bundleCollector(): Promise<CollectorChild> {
  const dir = await mkdtemp(join(tmpdir(), 'hush-collector-'))
  await chmod(dir, 0o755)
  const outfile = join(dir, 'collect-once.mjs')
  await build({
    entryPoints: [fileURLToPath(new URL('./collect-once.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
  })
  await chmod(outfile, 0o644)
  return {
    collect: options =>
      new Promise((resolve, reject) => {
        execFile(
          process.execPath,
          [outfile],
          {
            ...(options?.uid === undefined
              ? {}
              : { uid: options.uid, gid: options.gid ?? options.uid }),
            env: options?.env ?? process.env,
            cwd: dir,
            maxBuffer: 64 * 1024 * 1024,
          },
          (error, stdout) =>
            error
              ? reject(new Error(`the bundled collector failed: ${error.message}`))
              : resolve(JSON.parse(stdout) as CollectedSample),
        )
      }),
    remove: () => rm(dir, { recursive: true, force: true }),
  }
}
