import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createInProcessBridge } from '../../common/api/in-process-bridge'
import { startTestDemo } from '../../demo/demo-test-helpers'
import { startTestCore } from '../service/testing/test-core'
import { buildCliBundle } from '../watch/testing/build-cli-bundle'
import { runHush } from './testing/run-hush'

// SECURITY.md: "Hush's state folder is 0700 and every file Hush writes in it 0600."
let bundle: { path: string; remove: () => Promise<void> }
beforeAll(async () => {
  bundle = await buildCliBundle()
}, 60_000)
afterAll(async () => {
  await bundle.remove()
})

const mode = async (path: string) => (await stat(path)).mode & 0o777

/** Every folder and file under a state folder, with its mode; the demo's own data folder aside. */
async function modes(stateDir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = { '.': (await mode(stateDir)).toString(8) }
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.name === 'demo-server') {
        continue
      }
      found[relative(stateDir, path)] = (await mode(path)).toString(8)
      if (entry.isDirectory()) {
        await walk(path)
      }
    }
  }
  await walk(stateDir)
  return found
}

const privateOnly = (found: Record<string, string>) =>
  Object.entries(found).filter(([, value]) => value !== '600' && value !== '700')

describe("Hush's state folder is private", () => {
  it('the core (desktop app, hush serve) keeps the folder 0700 and each file 0600, store and WAL included', async () => {
    const test = await startTestCore()
    try {
      const bridge = createInProcessBridge(test.core.api, test.core.events)
      expect((await bridge.call('server.connectDemo', {})).ok).toBe(true)
      const plan = await bridge.call('switches.planProfile', { profile: 'lockdown' })
      expect(plan.ok).toBe(true)
      if (plan.ok) {
        expect((await bridge.call('switches.apply', { plan: plan.value })).ok).toBe(true)
      }
      await bridge.call('settings.update', { retentionDays: 30 })
      const found = await modes(test.stateDir)
      expect(Object.keys(found)).toEqual(
        expect.arrayContaining([
          'outbound.sqlite',
          'outbound.sqlite-wal',
          'outbound.sqlite-shm',
          'settings.json',
          'servers.json',
          'switchboard',
          join('switchboard', 'history.json'),
          join('switchboard', 'audit.json'),
          join('switchboard', 'snapshots'),
        ]),
      )
      expect(privateOnly(found)).toEqual([])
      expect(found['.']).toBe('700')
    } finally {
      await test.close()
    }
  })

  it('the command line does the same, and its exports are owner-only too', async () => {
    const { demo, cleanup } = await startTestDemo()
    const stateDir = join(await mkdtemp(join(tmpdir(), 'hush-state-')), 'fresh', 'hush')
    try {
      const connect = ['--server', demo.url, '--token', demo.token, '--account-url', demo.url]
      const state = ['--state-dir', stateDir]
      expect(
        (await runHush(bundle.path, ['apply', 'private', '--yes', ...connect, ...state])).code,
      ).toBe(0)
      demo.flushLog()
      const logs = join(demo.dataDir, 'Logs')
      expect((await runHush(bundle.path, ['log', 'import', logs, ...state])).code).toBe(0)
      const out = join(stateDir, 'export.csv')
      const exported = await runHush(bundle.path, [
        'log',
        'export',
        '--format',
        'csv',
        '--out',
        out,
        ...state,
      ])
      expect(exported.code).toBe(0)
      const found = await modes(stateDir)
      expect(Object.keys(found)).toEqual(
        expect.arrayContaining([
          'client-identifier',
          'outbound.sqlite',
          'export.csv',
          'switchboard',
        ]),
      )
      expect(privateOnly(found)).toEqual([])
    } finally {
      await cleanup()
      await rm(stateDir, { recursive: true, force: true })
    }
  })

  it('makes the files an older Hush left readable by others private on the next start', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'hush-state-'))
    try {
      await mkdir(join(stateDir, 'switchboard', 'snapshots'), { recursive: true })
      const files = [
        'settings.json',
        'servers.json',
        join('switchboard', 'history.json'),
        join('switchboard', 'snapshots', '20250101-000000-abcdef.json'),
      ]
      for (const file of files) {
        await writeFile(join(stateDir, file), '{}', { mode: 0o644 })
      }
      for (const folder of ['', 'switchboard', join('switchboard', 'snapshots')]) {
        await chmod(join(stateDir, folder), 0o755)
      }
      const run = await runHush(bundle.path, ['log', 'stats', '--state-dir', stateDir])
      expect(run.code).toBe(0)
      expect(existsSync(join(stateDir, 'outbound.sqlite'))).toBe(true)
      const found = await modes(stateDir)
      expect(privateOnly(found)).toEqual([])
    } finally {
      await rm(stateDir, { recursive: true, force: true })
    }
  })
})
