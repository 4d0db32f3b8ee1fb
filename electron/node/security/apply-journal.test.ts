import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPlexAccountClient } from '../account/plex-account-client'
import { createCoreService } from '../service/create-core-service'
import { createMemorySecretStore } from '../service/ports'
import { createFileSettingsStore } from '../settings/file-settings-store'
import {
  startEngineFixture,
  dumpServer,
  type EngineFixture,
} from '../switches/testing/engine-fixture'
import { buildCliBundle } from '../watch/testing/build-cli-bundle'
import { runHush, startHush } from './testing/run-hush'

// SECURITY.md: "An apply stopped at any point (kill -9, a crash, Ctrl-C) is undone exactly."
let bundle: { path: string; remove: () => Promise<void> }
beforeAll(async () => {
  bundle = await buildCliBundle()
}, 60_000)
afterAll(async () => {
  await bundle.remove()
})

/** The demo's count of writes received and answered (`GET /__demo/state`). */
async function writes(fixture: EngineFixture): Promise<{ received: number; answered: number }> {
  const response = await fetch(`${fixture.demo.url}/__demo/state`, {
    headers: { 'X-Plex-Token': fixture.demo.token, Accept: 'application/json' },
  })
  const state = (await response.json()) as { writesReceived: number; writesAnswered: number }
  return { received: state.writesReceived, answered: state.writesAnswered }
}

/** Every value an apply can change: server prefs, libraries, and the plex.tv account settings. */
async function everything(fixture: EngineFixture): Promise<Record<string, unknown>> {
  const values = await dumpServer(fixture.client)
  const account = createPlexAccountClient({
    baseUrl: fixture.demo.url,
    token: fixture.demo.token,
    timeoutMs: 5000,
    headers: {},
  })
  const user = await account.user()
  const privacy = await account.privacy()
  const sync = await account.viewStateSync()
  const optOuts = user.ok ? await account.optOuts(user.value.uuid) : user
  if (!privacy.ok || !sync.ok || !optOuts.ok) {
    throw new Error('cannot read the demo account')
  }
  return { ...values, privacy: privacy.value, viewStateSync: sync.value, optOuts: optOuts.value }
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (const end = Date.now() + 30_000; Date.now() < end; await sleep(10)) {
    if (await condition()) {
      return
    }
  }
  throw new Error(`timed out waiting for ${what}`)
}

// The token goes in HUSH_TOKEN (as SECURITY.md advises), so stderr holds only what is tested.
function cli(fixture: EngineFixture, command: readonly string[]): string[] {
  const { demo, stateDir } = fixture
  return [...command, '--server', demo.url, '--account-url', demo.url, '--state-dir', stateDir]
}

const env = (fixture: EngineFixture) => ({ env: { HUSH_TOKEN: fixture.demo.token } })

describe('hush apply stopped in the middle', () => {
  it('killed with SIGKILL after each of its steps in turn, hush undo restores every value', async () => {
    const fixture = await startEngineFixture()
    try {
      const planned = await runHush(
        bundle.path,
        cli(fixture, ['plan', 'lockdown', '--json']),
        env(fixture),
      )
      const steps = (JSON.parse(planned.stdout) as { steps: unknown[] }).steps.length
      expect(steps).toBeGreaterThan(5)
      for (let done = 0; done < steps; done++) {
        const before = await everything(fixture)
        // The first `done` writes go through at once; the next one waits, and the kill lands then.
        await fixture.fault('delay', { ms: '300', after: String(done) })
        const start = (await writes(fixture)).received
        const apply = startHush(
          bundle.path,
          cli(fixture, ['apply', 'lockdown', '--yes']),
          env(fixture).env,
        )
        // `done` steps have landed when the write of the next one reaches the server: kill then.
        await until(async () => (await writes(fixture)).received > start + done, 'the write')
        apply.child.kill('SIGKILL')
        expect((await apply.exited(10_000)).signal).toBe('SIGKILL')
        // The write in flight still lands (the server had it): undo must restore it too.
        await until(async () => {
          const seen = await writes(fixture)
          return seen.answered === seen.received
        }, 'the last write')
        await fixture.fault('delay', { ms: '0' })
        expect(await everything(fixture)).not.toEqual(before)

        const undo = await runHush(bundle.path, cli(fixture, ['undo']), env(fixture))
        expect(undo.stderr).toMatch(
          new RegExp(
            `^hush: hush apply lockdown \\(started [^)]+\\) was interrupted after ${done + 1} changes? of ${steps}; hush undo restores the values from before it\\n$`,
          ),
        )
        expect(undo.code).toBe(0)
        expect(await everything(fixture)).toEqual(before)
      }
    } finally {
      await fixture.cleanup()
    }
  }, 600_000)

  it('shows the interrupted apply in hush status until it is undone', async () => {
    const fixture = await startEngineFixture()
    try {
      await fixture.fault('delay', { ms: '200' })
      const start = (await writes(fixture)).received
      const apply = startHush(
        bundle.path,
        cli(fixture, ['apply', 'lockdown', '--yes']),
        env(fixture).env,
      )
      await until(async () => (await writes(fixture)).received > start + 2, 'the third write')
      apply.child.kill('SIGKILL')
      await apply.exited(10_000)
      await fixture.fault('delay', { ms: '0' })
      const status = await runHush(bundle.path, cli(fixture, ['status', '--json']), env(fixture))
      expect(JSON.parse(status.stdout)).toMatchObject({
        interrupted: { command: 'apply lockdown', changed: 3 },
      })
      const text = await runHush(bundle.path, cli(fixture, ['status']), env(fixture))
      expect(text.stdout).toMatch(
        /Interrupted {2}hush apply lockdown \(started .+\) stopped after 3 of \d+ changes/,
      )
      expect((await runHush(bundle.path, cli(fixture, ['undo']), env(fixture))).code).toBe(0)
      const after = await runHush(bundle.path, cli(fixture, ['status', '--json']), env(fixture))
      expect(JSON.parse(after.stdout)).toMatchObject({ interrupted: null })
    } finally {
      await fixture.cleanup()
    }
  }, 120_000)

  it("the dashboard is told at the core's start, and its Undo restores every value", async () => {
    const fixture = await startEngineFixture()
    try {
      const before = await everything(fixture)
      await fixture.fault('delay', { ms: '300', after: '4' })
      const start = (await writes(fixture)).received
      const apply = startHush(
        bundle.path,
        cli(fixture, ['apply', 'lockdown', '--yes']),
        env(fixture).env,
      )
      await until(async () => (await writes(fixture)).received > start + 4, 'the fifth write')
      apply.child.kill('SIGKILL')
      await apply.exited(10_000)
      await until(async () => {
        const seen = await writes(fixture)
        return seen.answered === seen.received
      }, 'the last write')
      await fixture.fault('delay', { ms: '0' })

      const notes: string[] = []
      const core = await createCoreService({
        stateDir: fixture.stateDir,
        env: {},
        secrets: createMemorySecretStore(),
        settings: createFileSettingsStore(fixture.stateDir),
        startDemo: () => Promise.resolve(fixture.demo),
        notifier: { notify: notice => notes.push(notice.body) },
      })
      try {
        expect(notes).toEqual([expect.stringMatching(/was interrupted after 5 changes of \d+/)])
        expect((await core.api['server.connectDemo']({})).ok).toBe(true)
        const status = await core.api['switches.status']({})
        expect(status.ok && status.value.interrupted).toMatchObject({ changed: 5 })
        expect((await core.api['switches.undo']({ force: false })).ok).toBe(true)
        expect(await everything(fixture)).toEqual(before)
      } finally {
        await core.stop()
      }
    } finally {
      await fixture.cleanup()
    }
  }, 120_000)

  it('Ctrl-C rolls back the steps done, as a failure does', async () => {
    const fixture = await startEngineFixture()
    try {
      const before = await everything(fixture)
      await fixture.fault('delay', { ms: '200' })
      const start = (await writes(fixture)).received
      const apply = startHush(
        bundle.path,
        cli(fixture, ['apply', 'lockdown', '--yes']),
        env(fixture).env,
      )
      await until(async () => (await writes(fixture)).received > start + 2, 'the third write')
      apply.child.kill('SIGINT')
      const ended = await apply.exited(60_000)
      await fixture.fault('delay', { ms: '0' })
      expect(ended.hung).toBe(false)
      expect(ended.code).toBe(1)
      expect(ended.stderr).toMatch(
        /^hush: cancelled \(Ctrl-C\) before step 4 of \d+ \(.+\); the 3 earlier changes were rolled back, and the server is as it was before\n$/,
      )
      expect(await everything(fixture)).toEqual(before)
      const undo = await runHush(bundle.path, cli(fixture, ['undo']), env(fixture))
      expect(undo.stderr).toMatch(/nothing to undo/)
    } finally {
      await fixture.cleanup()
    }
  }, 120_000)
})
