import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../run-cli'
import { createMemoryIo } from '../testing/memory-io'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const bin = join(root, 'bin', 'hush.mjs')

interface Started {
  child: ChildProcess
  url: string
  token: string
  exited: Promise<number | null>
}

/** Spawns `hush demo` and resolves once it printed its URL and token. */
async function spawnDemo(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [bin, 'demo', ...args], { cwd: root })
  const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)))
  let out = ''
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => reject(new Error(chunk.toString())))
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const url = /URL:\s+(\S+)/.exec(out)?.[1]
      const token = /Token:\s+(\S+)/.exec(out)?.[1]
      if (url !== undefined && token !== undefined) {
        resolve({ child, url, token, exited })
      }
    })
  })
}

async function stop(started: Started): Promise<number | null> {
  started.child.kill('SIGINT')
  return started.exited
}

async function waitFor(check: () => Promise<boolean>, attempts = 100): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) {
      return true
    }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return false
}

describe('hush demo', () => {
  let dataDir: string
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hush-demo-cli-'))
    // `npm test` builds first; a lone run of this file builds the CLI bundle itself.
    if (!existsSync(join(root, 'dist', 'hush.mjs'))) {
      await promisify(execFile)(process.execPath, [join(root, 'scripts', 'build.mjs'), '--cli'], {
        cwd: root,
      })
    }
  })
  afterAll(async () => rm(dataDir, { recursive: true, force: true }))

  it('runs as a child process: identity, token, settings, persistence and a log with traffic', async () => {
    const args = [
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--token',
      'cli-token',
      '--speed',
      '600',
      '--seed',
      '5',
    ]
    const first = await spawnDemo(args)
    expect(first.token).toBe('cli-token')
    expect((await fetch(`${first.url}/identity`)).status).toBe(200)
    expect((await fetch(`${first.url}/:/prefs`)).status).toBe(401)
    const headers = { 'X-Plex-Token': first.token, Accept: 'application/json' }
    const prefs = (await (await fetch(`${first.url}/:/prefs`, { headers })).json()) as {
      MediaContainer: { Setting: { id: string }[] }
    }
    expect(prefs.MediaContainer.Setting.length).toBeGreaterThanOrEqual(150)
    const put = await fetch(`${first.url}/:/prefs?sendCrashReports=0`, { method: 'PUT', headers })
    expect(put.status).toBe(200)
    const log = join(dataDir, 'Logs', 'Plex Media Server.log')
    const traffic = await waitFor(async () => {
      const text = existsSync(log) ? await readFile(log, 'utf8') : ''
      return (
        /DEBUG - \[[A-Za-z/]*HCl#[0-9a-f]+\] HTTP requesting (GET|PUT) https:\/\/plex\.tv\//.test(
          text,
        ) &&
        /DEBUG - \[[A-Za-z/]*HCl#[0-9a-f]+\] HTTP requesting GET https:\/\/metadata\.provider\.plex\.tv\//.test(
          text,
        )
      )
    })
    expect(traffic).toBe(true)
    expect(await stop(first)).toBe(0)
    expect(await readFile(join(dataDir, 'Preferences.xml'), 'utf8')).toContain(
      'sendCrashReports="0"',
    )

    const second = await spawnDemo(['--port', '0', '--data-dir', dataDir])
    try {
      expect(second.token).toBe('cli-token')
      const crash = (await (
        await fetch(`${second.url}/:/prefs/get?id=sendCrashReports`, { headers })
      ).json()) as { MediaContainer: { Setting: { value: unknown }[] } }
      expect(crash.MediaContainer.Setting[0]?.value).toBe(false)
    } finally {
      expect(await stop(second)).toBe(0)
    }
  })

  it('prints URL, token and data folder, and stops cleanly on Ctrl-C (in-process)', async () => {
    const io = createMemoryIo()
    const done = runCli(['demo', '--port', '0', '--data-dir', join(dataDir, 'in-process')], io)
    expect(await waitFor(async () => Promise.resolve(io.out().includes('Press Ctrl-C')))).toBe(true)
    expect(io.out()).toMatch(
      /URL: +http:\/\/127\.0\.0\.1:\d+\n {2}Token: +\S{20}\n {2}Data folder: +\S+/,
    )
    // The command it suggests passes the token in the environment, never as an argument.
    expect(io.out()).toMatch(/\nTry: HUSH_TOKEN=\S{20} hush status --server http/)
    expect(io.out()).not.toContain('--token')
    io.abort()
    expect(await done).toBe(0)
    expect(io.out()).toContain('Demo server stopped.')
  })

  it('rejects a bad option with a usage error', async () => {
    const io = createMemoryIo()
    expect(await runCli(['demo', '--log-format', '2027'], io)).toBe(2)
    expect(await runCli(['demo', '--leak', 'everything'], io)).toBe(2)
    expect(io.errText()).toContain('--leak takes one of registration')
  })
})
