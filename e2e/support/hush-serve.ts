import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** The repository root: the nearest folder above this file that holds `bin/hush.mjs` (also once bundled). */
export const repoRoot = findRepoRoot(import.meta.dirname)

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'bin', 'hush.mjs'))) {
      return dir
    }
    if (dirname(dir) === dir) {
      throw new Error(`no repository root above ${from}`)
    }
  }
}

/** A running `hush serve` child process. */
export interface HushServe {
  /** The address it printed, launch token included. */
  readonly url: string
  readonly origin: string
  readonly output: () => string
  readonly stop: () => Promise<void>
}

/**
 * Starts `hush serve --port 0` (with `--demo` when asked) in a fresh state folder, as an owner
 * would, and waits for the address it prints.
 */
export async function startHushServe(options: {
  readonly demo: boolean
  /** More environment for the core (HUSH_ACCOUNT_URL: the demo standing in for plex.tv). */
  readonly env?: Readonly<Record<string, string>>
}): Promise<HushServe> {
  const cli = join(repoRoot, 'bin', 'hush.mjs')
  if (!existsSync(join(repoRoot, 'dist', 'renderer', 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build` first')
  }
  const stateDir = await mkdtemp(join(tmpdir(), 'hush-e2e-'))
  const args = [cli, 'serve', '--port', '0', '--state-dir', stateDir]
  const child = spawn(process.execPath, options.demo ? [...args, '--demo'] : args, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env, HUSH_STATE_DIR: stateDir },
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = await waitForUrl(child, () => output)
  return {
    url,
    origin: new URL(url).origin,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise(resolve => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      await rm(stateDir, { recursive: true, force: true })
    },
  }
}

function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`hush serve printed no address:\n${output()}`)),
      30_000,
    )
    const check = () => {
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+/.exec(output())
      if (match) {
        clearTimeout(timer)
        resolve(match[0])
      }
    }
    child.stdout?.on('data', check)
    child.once('exit', code => {
      clearTimeout(timer)
      reject(new Error(`hush serve exited with ${code}:\n${output()}`))
    })
  })
}
