import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { DriftReport, OverridesReport } from '../../common/api/watch-schemas'
import { startTestDemo } from '../../demo/demo-test-helpers'
import { openSwitchStore } from '../../node/switches/switch-store'
import { runCli } from '../run-cli'
import { createMemoryIo, type MemoryIo } from '../testing/memory-io'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) {
    await cleanup()
  }
})

async function setup() {
  const started = await startTestDemo()
  const stateDir = await mkdtemp(join(tmpdir(), 'hush-state-'))
  cleanups.push(async () => {
    await started.cleanup()
    await rm(stateDir, { recursive: true, force: true })
  })
  const { demo } = started
  const common = ['--server', demo.url, '--token', demo.token, '--account-url', demo.url]
  const hush = async (args: string[], io: MemoryIo = createMemoryIo()) => {
    const code = await runCli([...args, ...common, '--state-dir', stateDir], io)
    return { code, out: io.out(), err: io.errText() }
  }
  const fault = async (action: string, params: Record<string, string> = {}) => {
    const response = await fetch(
      `${demo.url}/__demo/${action}?${new URLSearchParams(params).toString()}`,
      {
        method: 'POST',
        headers: { 'X-Plex-Token': demo.token },
      },
    )
    expect(response.ok).toBe(true)
  }
  const states = async () => {
    const status = await hush(['status', '--json'])
    const parsed = JSON.parse(status.out) as { switches: Array<{ id: string; state: string }> }
    return new Map(parsed.switches.map(entry => [entry.id, entry.state]))
  }
  return { demo, stateDir, hush, fault, states, common }
}

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (await condition()) {
      return
    }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('hush drift after a server update', () => {
  it('reports exactly the switches the update changed, before → after, put down to the update', async () => {
    const { hush, fault, states, demo } = await setup()
    expect((await hush(['apply', 'private', '--yes'])).code).toBe(0)
    const clean = await hush(['drift', '--json'])
    expect(clean.code).toBe(0)
    expect((JSON.parse(clean.out) as DriftReport).changes).toEqual([])
    expect((await hush(['drift'])).out).toMatch(/^No drift: all \d+ switches are as you chose/)

    const before = await states()
    await fault('update')
    const after = await states()
    const changed = [...after].filter(([id, state]) => before.get(id) !== state)
    expect(changed.length).toBeGreaterThan(0)

    const drift = await hush(['drift', '--json'])
    expect(drift.code).toBe(0)
    const report = JSON.parse(drift.out) as DriftReport
    expect(report.previousVersion).toBe(demo.version)
    expect(report.serverVersion).not.toBe(demo.version)
    expect(
      report.changes.map(change => [change.switchId, `${change.before} → ${change.after}`]),
    ).toEqual(changed.map(([id, state]) => [id, `${before.get(id)} → ${state}`]))
    expect(report.changes.every(change => change.why === 'server-update')).toBe(true)

    const text = await hush(['drift'])
    expect(text.code).toBe(0)
    expect(text.out).toMatch(/^Drift: \d+ of \d+ switch/)
    expect(text.out).toMatch(/The server was updated from/)
    expect(text.out).not.toContain(demo.token)
  }, 90_000)

  it('puts a change by another admin down to someone else', async () => {
    const { hush, fault } = await setup()
    expect((await hush(['apply', 'private', '--yes'])).code).toBe(0)
    expect((await hush(['drift', '--json'])).code).toBe(0)
    await fault('other-admin', { id: 'RelayEnabled', value: '1' })
    const report = JSON.parse((await hush(['drift', '--json'])).out) as DriftReport
    expect(report.changes).toMatchObject([
      { switchId: 'relay', before: 'off', after: 'on', why: 'someone-else' },
    ])
  }, 90_000)
})

describe('hush watch', () => {
  it('with --enforce restores the values within one polling interval, with an audit entry', async () => {
    const { hush, fault, states, stateDir } = await setup()
    expect((await hush(['apply', 'private', '--yes'])).code).toBe(0)
    const chosen = await states()
    const io = createMemoryIo()
    const watching = hush(['watch', '--interval', '1', '--enforce'], io)
    await until(() => io.out().includes('Watching'), 'the watch to start')
    await fault('update')
    await until(() => io.out().includes('Enforced'), 'the enforcement')
    io.abort()
    const done = await watching
    expect(done.code).toBe(0)
    expect(done.out).toMatch(/Drift: \d+ of \d+ switch/)
    expect(await states()).toEqual(chosen)
    const audit = await openSwitchStore(stateDir).audit()
    expect(audit.filter(entry => entry.command === 'enforce private').length).toBeGreaterThan(0)
    expect(JSON.parse((await hush(['drift', '--json'])).out)).toMatchObject({ changes: [] })
  }, 90_000)

  it('turns a timed exception off again when its time is up', async () => {
    const { hush, states } = await setup()
    expect((await hush(['apply', 'private', '--yes'])).code).toBe(0)
    expect((await states()).get('remote-access')).toBe('off')
    expect((await hush(['set', 'remote-access', 'on', '--for', '2s'])).code).toBe(0)
    expect((await states()).get('remote-access')).toBe('on')
    const io = createMemoryIo()
    const watching = hush(['watch', '--interval', '60'], io)
    await until(() => io.out().includes('Undid'), 'the revert')
    io.abort()
    expect((await watching).code).toBe(0)
    expect((await states()).get('remote-access')).toBe('off')
  }, 90_000)
})

describe('hush overrides', () => {
  it('lists what differs from the defaults, set by Hush (with its audit trail) or by someone else', async () => {
    const { hush, fault, demo } = await setup()
    expect((await hush(['apply', 'private', '--yes'])).code).toBe(0)
    await fault('other-admin', { id: 'DlnaEnabled', value: '1' })
    const result = await hush(['overrides', '--json'])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.out) as OverridesReport
    expect(report.overrides.length).toBeGreaterThan(1)
    for (const entry of report.overrides) {
      expect(entry.value).not.toEqual(entry.defaultValue)
    }
    const relay = report.overrides.find(entry => entry.target === 'pref:RelayEnabled')
    expect(relay).toMatchObject({ by: 'hush', value: false, defaultValue: true })
    expect(relay?.since).toMatch(/^\d{4}-/)
    expect(relay?.audit.at(-1)).toMatchObject({ command: 'apply private', after: false })
    const dlna = report.overrides.find(entry => entry.target === 'pref:DlnaEnabled')
    expect(dlna).toMatchObject({ by: 'someone-else', since: null, value: true })

    const csv = await hush(['overrides', '--format', 'csv'])
    expect(csv.out.split('\n')[0]).toBe('switch,target,value,default,set_by,since,audit_entries')
    expect(csv.out).toContain('relay,pref:RelayEnabled,false,true,hush,')
    const text = await hush(['overrides'])
    expect(text.out).toMatch(/values differ from Plex's defaults/)
    expect(text.out + csv.out + result.out).not.toContain(demo.token)
    expect((await hush(['overrides', '--format', 'xml'])).code).toBe(2)
  }, 90_000)
})
