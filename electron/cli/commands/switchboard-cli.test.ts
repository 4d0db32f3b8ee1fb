import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestDemo } from '../../demo/demo-test-helpers'
import type { DemoServer } from '../../demo/start-demo-server'
import { createPlexClient } from '../../node/server/plex-client'
import { plexIdentificationHeaders } from '../../node/server/plex-headers'
import { dumpServer } from '../../node/switches/testing/engine-fixture'
import type { CliIo } from '../command'
import { runCli } from '../run-cli'
import { createMemoryIo } from '../testing/memory-io'

interface Setup {
  readonly demo: DemoServer
  readonly stateDir: string
  readonly hush: (
    args: string[],
    io?: CliIo & { out(): string; errText(): string },
  ) => Promise<{ code: number; out: string; err: string }>
  readonly dump: () => Promise<Record<string, unknown>>
  readonly fault: (action: string, params: Record<string, string>) => Promise<void>
}

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) {
    await cleanup()
  }
})

async function setup(options: { legacy?: boolean } = {}): Promise<Setup> {
  const started = await startTestDemo(options)
  const stateDir = await mkdtemp(join(tmpdir(), 'hush-state-'))
  cleanups.push(async () => {
    await started.cleanup()
    await rm(stateDir, { recursive: true, force: true })
  })
  const { demo } = started
  const common = [
    '--server',
    demo.url,
    '--token',
    demo.token,
    '--account-url',
    demo.url,
    '--state-dir',
    stateDir,
  ]
  const client = createPlexClient({
    baseUrl: demo.url,
    token: demo.token,
    timeoutMs: 5000,
    headers: plexIdentificationHeaders('test'),
  })
  return {
    demo,
    stateDir,
    hush: async (args, io = createMemoryIo()) => {
      const code = await runCli([...args, ...common], io)
      return { code, out: io.out(), err: io.errText() }
    },
    dump: () => dumpServer(client),
    fault: async (action, params) => {
      const response = await fetch(
        `${demo.url}/__demo/${action}?${new URLSearchParams(params).toString()}`,
        {
          method: 'POST',
          headers: { 'X-Plex-Token': demo.token },
        },
      )
      expect(response.ok).toBe(true)
    },
  }
}

interface StatusJson {
  switches: Array<{
    id: string
    state: string
    profiles: Record<string, string>
    policyItems: string[]
    until: string | null
  }>
}

describe('hush status, plan, apply, set and undo against the demo server', () => {
  it('apply lockdown --yes, then status shows every available switch in its lockdown value; undo restores all', async () => {
    const { hush, dump, demo } = await setup()
    const before = await dump()
    const applied = await hush(['apply', 'lockdown', '--yes'])
    expect(applied.err).toBe('')
    expect(applied.code).toBe(0)
    expect(applied.out).toMatch(/Apply the lockdown profile/)
    expect(applied.out).toMatch(/RelayEnabled\s+true → false/)
    expect(applied.out).toMatch(/Applied \d+ changes/)

    const status = await hush(['status', '--json'])
    expect(status.code).toBe(0)
    const parsed = JSON.parse(status.out) as StatusJson
    expect(parsed.switches.length).toBeGreaterThan(20)
    for (const entry of parsed.switches) {
      if (entry.state !== 'unavailable' && entry.profiles.lockdown !== 'keep') {
        expect(`${entry.id}: ${entry.state}`).toBe(`${entry.id}: ${entry.profiles.lockdown}`)
      }
    }
    expect(status.out).not.toContain(demo.token)

    const undo = await hush(['undo'])
    expect(undo.code).toBe(0)
    expect(undo.out).toMatch(/Undid "Apply the lockdown profile"/)
    expect(await dump()).toEqual(before)
  }, 90_000)

  it('exits 1 naming the failed step when the third PUT fails, with the server as it was', async () => {
    const { hush, dump, fault } = await setup()
    const before = await dump()
    await fault('fail-put', { n: '3' })
    const result = await hush(['apply', 'lockdown', '--yes'])
    expect(result.code).toBe(1)
    expect(result.err.trimEnd().split('\n')).toHaveLength(1)
    expect(result.err).toMatch(
      /step 3 of \d+ \(.+\) failed: .*rolled back, and the server is as it was before/,
    )
    expect(await dump()).toEqual(before)
  })

  it('refuses to apply when a value changes on the server between the plan and the answer', async () => {
    const { hush, dump, fault } = await setup()
    const memory = createMemoryIo()
    const io = {
      ...memory,
      readLine: async () => {
        // Another admin turns crash reports off while the owner reads the plan.
        await fault('other-admin', { id: 'sendCrashReports', value: '0' })
        return 'y'
      },
    }
    const before = await dump()
    const result = await hush(['apply', 'lockdown'], io)
    expect(result.code).toBe(1)
    expect(result.err).toMatch(
      /^hush: refused: a value changed on the server since the plan was read: sendCrashReports/,
    )
    expect(await dump()).toEqual({ ...before, 'pref:sendCrashReports': false })
  })

  it('refuses to apply without --yes when there is no interactive input', async () => {
    const { hush, dump } = await setup()
    const before = await dump()
    const result = await hush(['apply', 'private'])
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/no interactive input; pass --yes/)
    expect(await dump()).toEqual(before)
  })

  it('sets one switch and undoes it, in JSON', async () => {
    const { hush, dump } = await setup()
    const before = await dump()
    const set = await hush(['set', 'relay', 'off', '--json'])
    expect(set.code).toBe(0)
    const parsed = JSON.parse(set.out) as {
      result: { applied: Array<{ target: string; before: unknown; after: unknown }> }
    }
    expect(parsed.result.applied).toEqual([
      {
        switchId: 'relay',
        target: 'pref:RelayEnabled',
        label: 'RelayEnabled',
        before: true,
        after: false,
      },
    ])
    expect((await dump())['pref:RelayEnabled']).toBe(false)
    const undo = await hush(['undo', '--json'])
    expect(undo.code).toBe(0)
    expect(await dump()).toEqual(before)
    const again = await hush(['undo'])
    expect(again.code).toBe(1)
    expect(again.err).toMatch(/^hush: nothing to undo/)
  })

  it('prints a plan as an aligned diff with what stops working', async () => {
    const { hush } = await setup()
    const plan = await hush(['plan', 'private'])
    expect(plan.code).toBe(0)
    const lines = plan.out.split('\n')
    const header = lines.find(line => line.includes('TARGET')) ?? ''
    const rows = lines.filter(line => /^\s+\d+\s/.test(line))
    expect(rows.length).toBeGreaterThan(5)
    for (const column of ['SWITCH', 'TARGET', 'BEFORE']) {
      const at = header.indexOf(column)
      for (const row of rows) {
        expect(row.slice(at - 2, at)).toBe('  ')
        expect(row.charAt(at)).not.toBe(' ')
      }
    }
    expect(plan.out).toMatch(/What stops working:\n( {2}.+\n)* {2}relay: /)
    expect((await hush(['plan', 'nonsense'])).code).toBe(2)
  })

  it('reports switches an older server lacks as unavailable', async () => {
    const { hush } = await setup({ legacy: true })
    const status = await hush(['status', '--json'])
    expect(status.code).toBe(0)
    const relay = (JSON.parse(status.out) as StatusJson).switches.find(
      entry => entry.id === 'relay',
    )
    expect(relay?.state).toBe('unavailable')
    const human = await hush(['status'])
    expect(human.out).toMatch(/relay\s+unavailable/)
    expect(human.out).toContain('this server has no setting RelayEnabled')
  })

  it('fails in one line with a wrong token, naming how it was given and never the token', async () => {
    const { demo } = await setup()
    const unused = await mkdtemp(join(tmpdir(), 'hush-unused-'))
    const tokenFile = join(unused, 'plex-token')
    await writeFile(tokenFile, 'not-the-token-in-a-file\n', { mode: 0o600 })
    // A data folder whose Preferences.xml holds a token the server no longer takes.
    const dataDir = join(unused, 'data')
    await mkdir(dataDir)
    const preferences = await readFile(join(demo.dataDir, 'Preferences.xml'), 'utf8')
    await writeFile(
      join(dataDir, 'Preferences.xml'),
      preferences.replace(/PlexOnlineToken="[^"]*"/, 'PlexOnlineToken="not-the-token-in-prefs"'),
    )
    const ways: [string[], Record<string, string>, string][] = [
      [['--token', 'not-the-token'], {}, 'check --token'],
      [['--token-file', tokenFile], {}, `check --token-file ${tokenFile}`],
      [[], { HUSH_TOKEN: 'not-the-token-in-env' }, 'check HUSH_TOKEN'],
      [
        ['--data-dir', dataDir],
        {},
        "it was the one in the server's Preferences.xml; give another in HUSH_TOKEN or --token-file PATH",
      ],
    ]
    try {
      for (const [given, env, hint] of ways) {
        const io = createMemoryIo({ env })
        const args = ['status', '--server', demo.url, ...given, '--state-dir', unused]
        expect(await runCli(args, io)).toBe(1)
        const lines = io.errText().trimEnd().split('\n')
        expect(lines).toEqual([
          `hush: the server at ${new URL(demo.url).origin} refused the token (401): ${hint}`,
        ])
        expect(io.errText()).not.toContain('not-the-token')
      }
    } finally {
      await rm(unused, { recursive: true, force: true })
    }
  })

  it('fails in one line when the server hangs', async () => {
    const { hush, fault } = await setup()
    await fault('hang', { path: '/:/prefs' })
    const result = await hush(['status', '--timeout', '500'])
    expect(result.code).toBe(1)
    expect(result.err).toMatch(
      /^hush: GET http:\/\/127\.0\.0\.1:\d+\/:\/prefs: no answer within 500 ms\n$/,
    )
  })

  it('warns about a corrupt history file and carries on', async () => {
    const { hush, stateDir } = await setup()
    expect((await hush(['set', 'relay', 'off'])).code).toBe(0)
    await writeFile(join(stateDir, 'switchboard', 'history.json'), 'not json')
    const status = await hush(['status'])
    expect(status.code).toBe(0)
    expect(status.err).toMatch(
      /^hush: warning: .*history\.json was unreadable; it was moved to .*history\.corrupt-\d+\.json/,
    )
  })

  it('sets a switch for a while, and shows until when in status', async () => {
    const { hush } = await setup()
    const set = await hush(['set', 'relay', 'off', '--for', '30m'])
    expect(set.code).toBe(0)
    expect(set.out).toMatch(/Until \d{4}-\d\d-\d\dT/)
    const status = JSON.parse((await hush(['status', '--json'])).out) as StatusJson
    const relay = status.switches.find(entry => entry.id === 'relay')
    expect(relay?.until).not.toBeNull()
    expect(Date.parse(relay?.until ?? '') - Date.now()).toBeGreaterThan(25 * 60_000)
    expect((await hush(['set', 'relay', 'on', '--for', 'a while'])).code).toBe(2)
  })
})
