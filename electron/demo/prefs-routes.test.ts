import { XMLParser } from 'fast-xml-parser'
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, getJson, startTestDemo } from './demo-test-helpers'
import { unauthorizedBody } from './http-server'
import { startDemoServer, type DemoServer } from './start-demo-server'

interface JsonSetting {
  id: string
  type: string
  default: unknown
  value: unknown
  hidden: boolean
  advanced: boolean
  enumValues?: string
}
type PrefsJson = { MediaContainer: { size: number; Setting: JsonSetting[] } }

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' })

async function setting(demo: DemoServer, id: string): Promise<JsonSetting> {
  const body = await getJson<PrefsJson>(demo, `/:/prefs/get?id=${id}`)
  const found = body.MediaContainer.Setting[0]
  if (found === undefined) {
    throw new Error(`no ${id}`)
  }
  return found
}

describe('demo server: identity, auth and prefs', () => {
  let demo: DemoServer
  let dataDir: string
  let cleanup: () => Promise<void>
  beforeEach(async () => {
    ;({ demo, dataDir, cleanup } = await startTestDemo({ token: 'demo-token-123' }))
  })
  afterEach(async () => cleanup())

  it('answers /identity without a token, in XML and JSON', async () => {
    const text = await (await call(demo, '/identity', { token: null })).text()
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<MediaContainer size="0"/)
    const parsed = xml.parse(text) as { MediaContainer: Record<string, string> }
    expect(parsed.MediaContainer.machineIdentifier).toMatch(/^[0-9a-f]{40}$/)
    expect(parsed.MediaContainer.claimed).toBe('1')
    const json = (await (await call(demo, '/identity', { token: null, json: true })).json()) as {
      MediaContainer: { claimed: boolean; version: string; machineIdentifier: string }
    }
    expect(json.MediaContainer.claimed).toBe(true)
    expect(json.MediaContainer.version).toBe(demo.version)
    expect(json.MediaContainer.machineIdentifier).toBe(demo.machineIdentifier)
  })

  it('refuses a missing or wrong token with the real 91-byte 401 body', async () => {
    for (const token of [null, 'wrong']) {
      const response = await call(demo, '/:/prefs', { token })
      expect(response.status).toBe(401)
      expect(response.headers.get('content-type')).toBe('text/html')
      const body = await response.text()
      expect(body).toBe(unauthorizedBody)
      expect(Buffer.byteLength(body)).toBe(91)
    }
  })

  it('takes the token as a query parameter too', async () => {
    const response = await call(demo, `/:/prefs?X-Plex-Token=${demo.token}`, { token: null })
    expect(response.status).toBe(200)
  })

  it('lists at least 150 settings with typed JSON values', async () => {
    const body = await getJson<PrefsJson>(demo, '/:/prefs')
    const ids = body.MediaContainer.Setting.map(s => s.id)
    expect(body.MediaContainer.size).toBe(ids.length)
    expect(ids.length).toBeGreaterThanOrEqual(150)
    for (const id of [
      'sendCrashReports',
      'RelayEnabled',
      'PublishServerOnPlexOnlineKey',
      'WebHooksEnabled',
    ]) {
      expect(ids).toContain(id)
    }
    const crash = await setting(demo, 'sendCrashReports')
    expect(crash).toMatchObject({ type: 'bool', default: true, value: true, hidden: false })
    const secure = await setting(demo, 'secureConnections')
    expect(secure).toMatchObject({ type: 'int', default: 1, enumValues: '1:Preferred|0:Required' })
  })

  it('renders settings in XML with hidden/advanced as 0/1', async () => {
    const text = await (await call(demo, '/:/prefs')).text()
    const parsed = xml.parse(text) as { MediaContainer: { Setting: Record<string, string>[] } }
    const publish = parsed.MediaContainer.Setting.find(s => s.id === 'PublishServerOnPlexOnlineKey')
    expect(publish).toMatchObject({ hidden: '1', advanced: '0', type: 'bool', default: 'False' })
    expect(text).toContain('id="sendCrashReports"')
  })

  it('answers 404 for an unknown id on /:/prefs/get', async () => {
    expect((await call(demo, '/:/prefs/get?id=NoSuchSetting')).status).toBe(404)
  })

  it('accepts booleans as 1/0/true/false and keeps non-defaults in Preferences.xml', async () => {
    for (const [raw, expected] of [
      ['0', false],
      ['true', true],
      ['FALSE', false],
      ['1', true],
    ] as const) {
      const response = await call(demo, `/:/prefs?sendCrashReports=${raw}`, { method: 'PUT' })
      expect(response.status).toBe(200)
      expect((await setting(demo, 'sendCrashReports')).value).toBe(expected)
    }
    await call(demo, '/:/prefs?sendCrashReports=0&FriendlyName=Den%20%26%20%22Co%22', {
      method: 'PUT',
    })
    const text = await readFile(join(dataDir, 'Preferences.xml'), 'utf8')
    const parsed = xml.parse(text) as { Preferences: Record<string, string> }
    expect(parsed.Preferences.sendCrashReports).toBe('0')
    expect(parsed.Preferences.FriendlyName).toBe('Den & "Co"')
    expect(parsed.Preferences.RelayEnabled).toBeUndefined()
  })

  it('refuses an unknown id or a bad value with 400 and changes nothing', async () => {
    const before = await readFile(join(dataDir, 'Preferences.xml'), 'utf8')
    const unknown = await call(demo, '/:/prefs?sendCrashReports=0&NoSuchSetting=1', {
      method: 'PUT',
    })
    expect(unknown.status).toBe(400)
    for (const bad of [
      'sendCrashReports=maybe',
      'ScheduledLibraryUpdateInterval=soon',
      'secureConnections=7',
    ]) {
      expect((await call(demo, `/:/prefs?${bad}`, { method: 'PUT' })).status).toBe(400)
    }
    expect((await setting(demo, 'sendCrashReports')).value).toBe(true)
    expect(await readFile(join(dataDir, 'Preferences.xml'), 'utf8')).toBe(before)
  })

  it('writes Preferences.xml in the real shape', async () => {
    const text = await readFile(join(dataDir, 'Preferences.xml'), 'utf8')
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<Preferences ')).toBe(true)
    const attributes = (xml.parse(text) as { Preferences: Record<string, string> }).Preferences
    expect(attributes.MachineIdentifier).toMatch(/^[0-9a-f-]{36}$/)
    expect(attributes.ProcessedMachineIdentifier).toBe(demo.machineIdentifier)
    expect(attributes.AnonymousMachineIdentifier).toMatch(/^[0-9a-f-]{36}$/)
    expect(attributes.PlexOnlineToken).toBe('demo-token-123')
    expect(attributes).toMatchObject({ AcceptedEULA: '1', PlexOnlineUsername: 'demo-owner' })
    expect(attributes.OldestPreviousVersion).toBe(demo.version)
  })
})

describe('demo server: persistence', () => {
  it('keeps every value, the machine identifier and the token across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hush-demo-'))
    try {
      const first = await startDemoServer({ dataDir })
      await call(first, '/:/prefs?sendCrashReports=0&RelayEnabled=false', { method: 'PUT' })
      await call(
        first,
        '/library/sections/1?agent=tv.plex.agents.none&prefs[useExternalExtras]=0',
        {
          method: 'PUT',
        },
      )
      await first.close()
      const second = await startDemoServer({ dataDir })
      try {
        expect(second.token).toBe(first.token)
        expect(second.machineIdentifier).toBe(first.machineIdentifier)
        expect((await setting(second, 'sendCrashReports')).value).toBe(false)
        expect((await setting(second, 'RelayEnabled')).value).toBe(false)
        const sections = await getJson<{ MediaContainer: { Directory: { agent: string }[] } }>(
          second,
          '/library/sections',
        )
        expect(sections.MediaContainer.Directory[0]?.agent).toBe('tv.plex.agents.none')
        const prefs = await getJson<PrefsJson>(second, '/library/sections/1/prefs')
        expect(prefs.MediaContainer.Setting.find(s => s.id === 'useExternalExtras')?.value).toBe(
          false,
        )
      } finally {
        await second.close()
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })

  it('round-trips text values with spaces, quotes and line breaks through Preferences.xml', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hush-demo-'))
    const name = '  Den & "Co" <1>\n\ttwo  '
    try {
      const first = await startDemoServer({ dataDir })
      const put = await call(first, `/:/prefs?FriendlyName=${encodeURIComponent(name)}`, {
        method: 'PUT',
      })
      expect(put.status).toBe(200)
      await first.close()
      const second = await startDemoServer({ dataDir })
      try {
        expect((await setting(second, 'FriendlyName')).value).toBe(name)
      } finally {
        await second.close()
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })

  it('starts from the empty shell the official Docker image writes', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hush-demo-'))
    try {
      await writeFile(
        join(dataDir, 'Preferences.xml'),
        '<?xml version="1.0" encoding="utf-8"?>\n<Preferences/>\n',
      )
      const demo = await startDemoServer({ dataDir, token: 'shell-token' })
      await demo.close()
      const text = await readFile(join(dataDir, 'Preferences.xml'), 'utf8')
      expect(text).toContain(`ProcessedMachineIdentifier="${demo.machineIdentifier}"`)
      expect(text).toContain('PlexOnlineToken="shell-token"')
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })

  it('refuses to start on a malformed Preferences.xml and leaves it untouched', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hush-demo-'))
    try {
      const broken = '<?xml version="1.0"?>\n<Preferences sendCrashReports="0"'
      await writeFile(join(dataDir, 'Preferences.xml'), broken)
      await expect(startDemoServer({ dataDir })).rejects.toThrow(/not well-formed XML/)
      expect(await readFile(join(dataDir, 'Preferences.xml'), 'utf8')).toBe(broken)
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })

  it('pretends to be an old server with the 2018 setting set when legacy', async () => {
    const { demo, cleanup } = await startTestDemo({ legacy: true })
    try {
      const body = await getJson<PrefsJson>(demo, '/:/prefs')
      const ids = body.MediaContainer.Setting.map(s => s.id)
      for (const missing of [
        'RelayEnabled',
        'PushNotificationsEnabled',
        'CrashUploadRetries',
        'LogTokensForDebug',
      ]) {
        expect(ids).not.toContain(missing)
      }
      expect(ids).toContain('logTokens')
      expect(body.MediaContainer.Setting.find(s => s.id === 'DlnaEnabled')?.default).toBe(true)
      expect(demo.version).toMatch(/^1\.13\./)
    } finally {
      await cleanup()
    }
  })
})
