import { afterEach, describe, expect, it } from 'vitest'
import { startTestDemo } from '../../demo/demo-test-helpers'
import type { DemoServer } from '../../demo/start-demo-server'
import { createPlexClient, type PlexClient } from './plex-client'
import { plexIdentificationHeaders } from './plex-headers'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) {
    await cleanup()
  }
})

async function demoClient(
  format: 'json' | 'xml',
): Promise<{ demo: DemoServer; client: PlexClient }> {
  const started = await startTestDemo()
  cleanups.push(started.cleanup)
  const headers = plexIdentificationHeaders('hush-test')
  const client = createPlexClient({
    baseUrl: started.demo.url,
    token: started.demo.token,
    timeoutMs: 5000,
    // The client asks for JSON; asking for XML here runs the XML parsers on the same answers.
    headers: format === 'xml' ? { ...headers, Accept: 'application/xml' } : headers,
  })
  return { demo: started.demo, client }
}

async function must<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const result = await promise
  if (!result.ok) {
    throw new Error(result.error.message)
  }
  return result.value
}

describe.each(['json', 'xml'] as const)('the client against the demo server (%s)', format => {
  it('reads identity, root, prefs, libraries, items, agents, sessions and the plex.tv link', async () => {
    const { demo, client } = await demoClient(format)
    expect(await must(client.identity())).toMatchObject({
      machineIdentifier: demo.machineIdentifier,
      version: demo.version,
    })
    expect((await must(client.root())).machineIdentifier).toBe(demo.machineIdentifier)
    const prefs = await must(client.prefs())
    expect(prefs.length).toBeGreaterThanOrEqual(150)
    expect(prefs.find(setting => setting.id === 'sendCrashReports')).toMatchObject({
      type: 'bool',
      value: true,
      default: true,
    })
    expect(await must(client.pref('RelayEnabled'))).toMatchObject({
      id: 'RelayEnabled',
      type: 'bool',
    })
    const sections = await must(client.sections())
    expect(sections.length).toBeGreaterThan(0)
    const movies = sections.find(section => section.type === 'movie')
    expect(movies?.agent).toMatch(/\./)
    const moviePrefs = await must(client.sectionPrefs(movies?.key ?? ''))
    expect(moviePrefs.some(setting => setting.id === 'useExternalExtras')).toBe(true)
    const items = await must(client.sectionItems(movies?.key ?? ''))
    expect(items.length).toBeGreaterThan(0)
    expect(items[0]?.files.length).toBeGreaterThan(0)
    expect((await must(client.agents())).length).toBeGreaterThan(0)
    expect(Array.isArray(await must(client.sessions()))).toBe(true)
    const account = await must(client.myplexAccount())
    expect(JSON.stringify(account)).not.toContain(demo.token)
  })

  it('writes a pref and a library, and reports an unknown setting without changing anything', async () => {
    const { client } = await demoClient(format)
    expect(await client.setPrefs({ sendCrashReports: false })).toEqual({
      ok: true,
      value: undefined,
    })
    expect((await must(client.pref('sendCrashReports'))).value).toBe(false)
    const section = (await must(client.sections())).find(entry => entry.type === 'movie')
    const key = section?.key ?? ''
    expect(await client.setSection(key, { prefs: { useExternalExtras: false } })).toEqual({
      ok: true,
      value: undefined,
    })
    const prefs = await must(client.sectionPrefs(key))
    expect(prefs.find(setting => setting.id === 'useExternalExtras')?.value).toBe(false)
    expect((await must(client.sections())).find(entry => entry.key === key)?.agent).toBe(
      section?.agent,
    )
    const before = await must(client.prefs())
    expect(await client.setPrefs({ noSuchSetting: 1, sendCrashReports: true })).toMatchObject({
      ok: false,
      error: { kind: 'settingUnknown' },
    })
    expect(await must(client.prefs())).toEqual(before)
  })
})
