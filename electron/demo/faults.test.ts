import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { call, getJson, startTestDemo } from './demo-test-helpers'
import { logLines } from './log-grammar.test-helpers'

type Prefs = { MediaContainer: { Setting: { id: string; value: unknown }[] } }

let cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups) {
    await cleanup()
  }
  cleanups = []
})
async function demoWith(options: Parameters<typeof startTestDemo>[0] = {}) {
  const started = await startTestDemo(options)
  cleanups.push(started.cleanup)
  return started
}

describe('demo server faults', () => {
  it('fails the Nth PUT with 500 and changes nothing', async () => {
    const { demo, dataDir } = await demoWith()
    demo.faults.failPut(2)
    expect((await call(demo, '/:/prefs?sendCrashReports=0', { method: 'PUT' })).status).toBe(200)
    const before = await readFile(join(dataDir, 'Preferences.xml'), 'utf8')
    const failed = await call(demo, '/:/prefs?RelayEnabled=0', { method: 'PUT' })
    expect(failed.status).toBe(500)
    expect(await readFile(join(dataDir, 'Preferences.xml'), 'utf8')).toBe(before)
    const relay = await getJson<Prefs>(demo, '/:/prefs/get?id=RelayEnabled')
    expect(relay.MediaContainer.Setting[0]?.value).toBe(true)
    expect((await call(demo, '/:/prefs?RelayEnabled=0', { method: 'PUT' })).status).toBe(200)
  })

  it('is driven over HTTP with the token', async () => {
    const { demo } = await demoWith()
    expect((await call(demo, '/__demo/fail-put?n=1', { method: 'POST', token: null })).status).toBe(
      401,
    )
    expect((await call(demo, '/__demo/fail-put?n=1', { method: 'POST' })).status).toBe(204)
    expect(
      (await call(demo, '/library/sections/1?agent=tv.plex.agents.none', { method: 'PUT' })).status,
    ).toBe(500)
    expect(
      (await call(demo, '/__demo/leak', { method: 'POST', body: 'flow=nonsense' })).status,
    ).toBe(400)
    expect(
      (await call(demo, '/__demo/leak', { method: 'POST', body: 'flow=webhooks' })).status,
    ).toBe(204)
    const state = await getJson<{ leaks: string[] }>(demo, '/__demo/state')
    expect(state.leaks).toEqual(['webhooks'])
  })

  it('makes the next matching request hang while others answer', async () => {
    const { demo } = await demoWith()
    demo.faults.hangNext('/:/prefs')
    const hung = call(demo, '/:/prefs', { json: true })
    expect((await call(demo, '/library/sections', { json: true })).status).toBe(200)
    const outcome = await Promise.race([
      hung.then(() => 'answered'),
      new Promise(r => setTimeout(() => r('waiting'), 300)),
    ])
    expect(outcome).toBe('waiting')
    expect((await call(demo, '/:/prefs', { json: true })).status).toBe(200)
    void hung.catch(() => undefined)
  })

  it('lets another admin change a value, logged as another client', async () => {
    const { demo, dataDir } = await demoWith()
    const changed = await demo.faults.otherAdmin('sendCrashReports', '0')
    expect(changed.ok).toBe(true)
    const prefs = await getJson<Prefs>(demo, '/:/prefs/get?id=sendCrashReports')
    expect(prefs.MediaContainer.Setting[0]?.value).toBe(false)
    const lines = await logLines(dataDir)
    expect(
      lines.some(l =>
        l.includes('Request: [192.168.1.57:51234 (Subnet)] PUT /:/prefs?sendCrashReports=0'),
      ),
    ).toBe(true)
    expect(lines.some(l => l.endsWith('WARN - Crash: Crash reporting disabled'))).toBe(true)
    expect((await demo.faults.otherAdmin('NoSuchSetting', '1')).ok).toBe(false)
  })

  it('simulates an update: new version, some settings reset, a new banner in a fresh log', async () => {
    const { demo, dataDir } = await demoWith()
    await call(demo, '/:/prefs?sendCrashReports=0&RelayEnabled=0&GdmEnabled=0', { method: 'PUT' })
    const version = await demo.faults.simulateUpdate()
    expect(version).not.toBe(demo.version)
    const identity = await getJson<{ MediaContainer: { version: string } }>(demo, '/identity')
    expect(identity.MediaContainer.version).toBe(version)
    const prefs = await getJson<Prefs>(demo, '/:/prefs')
    const value = (id: string) => prefs.MediaContainer.Setting.find(s => s.id === id)?.value
    expect([value('sendCrashReports'), value('RelayEnabled'), value('GdmEnabled')]).toEqual([
      true,
      true,
      false,
    ])
    const current = await logLines(dataDir)
    expect(current[0]).toContain(`INFO - Plex Media Server v${version} `)
    const previous = await logLines(dataDir, 'Plex Media Server.1.log')
    expect(previous[0]).toContain(`Plex Media Server v${demo.version} `)
  })

  it('updates a legacy server to the modern setting list', async () => {
    const { demo, dataDir } = await demoWith({ legacy: true })
    const response = await call(demo, '/__demo/update', { method: 'POST' })
    expect(response.status).toBe(200)
    const prefs = await getJson<Prefs>(demo, '/:/prefs')
    expect(prefs.MediaContainer.Setting.map(s => s.id)).toContain('RelayEnabled')
    demo.faults.advance(60_000)
    const lines = await logLines(dataDir)
    expect(lines[0]).toMatch(/\[\d+\] INFO - Plex Media Server v1\.42\.2\.10156-f737b826c /)
    expect(lines.some(l => l.includes('[HCl#'))).toBe(true)
  })
})
