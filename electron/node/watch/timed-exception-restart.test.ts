import { execFile, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestDemo } from '../../demo/demo-test-helpers'
import { buildCliBundle, repoRoot } from './testing/build-cli-bundle'

const run = promisify(execFile)
let bundle: { path: string; remove: () => Promise<void> }
beforeAll(async () => {
  bundle = await buildCliBundle()
}, 60_000)
afterAll(async () => {
  await bundle.remove()
})

async function setup() {
  const started = await startTestDemo()
  const stateDir = await mkdtemp(join(tmpdir(), 'hush-state-'))
  const { demo } = started
  const args = (command: string[]) => [
    bundle.path,
    ...command,
    ...['--server', demo.url, '--token', demo.token, '--account-url', demo.url],
    ...['--state-dir', stateDir],
  ]
  const hush = (command: string[]) =>
    run(process.execPath, args(command), { cwd: repoRoot, env: { ...process.env } })
  const remoteAccess = async () => {
    const { stdout } = await hush(['status', '--json'])
    const board = JSON.parse(stdout) as {
      switches: Array<{ id: string; state: string; until: string | null }>
    }
    return board.switches.find(entry => entry.id === 'remote-access')
  }
  const cleanup = async () => {
    await started.cleanup()
    await rm(stateDir, { recursive: true, force: true })
  }
  return { hush, args, remoteAccess, cleanup }
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

describe('hush set … --for 3s across separate processes', () => {
  it('a later process started after the deadline turns the switch off again', async () => {
    const { hush, remoteAccess, cleanup } = await setup()
    try {
      await hush(['apply', 'private', '--yes'])
      const set = await hush(['set', 'remote-access', 'on', '--for', '3s'])
      expect(set.stdout).toMatch(/Until \d{4}-\d\d-\d\dT/)
      const during = await remoteAccess()
      expect(during?.state).toBe('on')
      expect(Date.parse(during?.until ?? '')).toBeGreaterThan(Date.now())
      await sleep(Math.max(0, Date.parse(during?.until ?? '') - Date.now()) + 200)
      const later = await hush(['status'])
      expect(later.stderr).toMatch(/Undid "Turn remote-access on"/)
      expect(await remoteAccess()).toMatchObject({ state: 'off', until: null })
    } finally {
      await cleanup()
    }
  }, 90_000)

  it('hush watch started after the set reverts it on time and stops cleanly on Ctrl-C', async () => {
    const { hush, args, remoteAccess, cleanup } = await setup()
    try {
      await hush(['apply', 'private', '--yes'])
      await hush(['set', 'remote-access', 'on', '--for', '3s'])
      const until = Date.parse((await remoteAccess())?.until ?? '')
      const child = spawn(process.execPath, args(['watch', '--interval', '60']), { cwd: repoRoot })
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
      })
      const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)))
      for (let waited = 0; !out.includes('Undid') && waited < 30_000; waited += 100) {
        await sleep(100)
      }
      const revertedAt = Date.now()
      expect(out).toMatch(/Undid "Turn remote-access on"/)
      expect(revertedAt).toBeGreaterThanOrEqual(until)
      expect((await remoteAccess())?.state).toBe('off')
      child.kill('SIGINT')
      expect(await exited).toBe(0)
    } finally {
      await cleanup()
    }
  }, 90_000)
})
