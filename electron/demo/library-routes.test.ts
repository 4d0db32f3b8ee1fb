import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, getJson, startTestDemo } from './demo-test-helpers'
import type { DemoServer } from './start-demo-server'

interface Directory {
  key: string
  type: string
  title: string
  agent: string
  enableAutoPhotoTags?: boolean
  Location: { path: string }[]
}
interface Item {
  title: string
  year: number
  guid: string
  type: string
  Media?: { Part: { file: string; size: number }[] }[]
  Location?: { path: string }[]
}
type Setting = { id: string; value: unknown; default: unknown }

describe('demo server: libraries and agents', () => {
  let demo: DemoServer
  let cleanup: () => Promise<void>
  beforeAll(async () => {
    ;({ demo, cleanup } = await startTestDemo())
  })
  afterAll(async () => cleanup())

  it('lists the five libraries with their agents', async () => {
    const body = await getJson<{ MediaContainer: { size: number; Directory: Directory[] } }>(
      demo,
      '/library/sections',
    )
    const summary = body.MediaContainer.Directory.map(d => [d.title, d.type, d.agent])
    expect(summary).toEqual([
      ['Movies', 'movie', 'tv.plex.agents.movie'],
      ['TV Shows', 'show', 'tv.plex.agents.series'],
      ['Music', 'artist', 'tv.plex.agents.music'],
      ['Photos', 'photo', 'com.plexapp.agents.none'],
      ['Home Videos', 'movie', 'com.plexapp.agents.none'],
    ])
    expect(body.MediaContainer.Directory[3]?.enableAutoPhotoTags).toBe(true)
    expect(body.MediaContainer.Directory[0]?.Location[0]?.path).toBe('/data/movies')
  })

  it('lists movie items with title, year, guid and file paths', async () => {
    const body = await getJson<{ MediaContainer: { Metadata: Item[] } }>(
      demo,
      '/library/sections/1/all',
    )
    expect(body.MediaContainer.Metadata.length).toBeGreaterThanOrEqual(10)
    for (const item of body.MediaContainer.Metadata) {
      expect(item.guid).toMatch(/^plex:\/\/movie\/[0-9a-f]{24}$/)
      const file = item.Media?.[0]?.Part[0]?.file
      expect(file).toBe(
        `/data/movies/${item.title} (${item.year})/${item.title} (${item.year}).mkv`,
      )
    }
    const text = await (await call(demo, '/library/sections/2/all')).text()
    expect(text).toMatch(
      /<Directory ratingKey="\d+" key="\/library\/metadata\/\d+" guid="plex:\/\/show\//,
    )
    expect(text).toContain('<Location path="/data/tv/')
  })

  it('lists the agents, including the local-only ones', async () => {
    const body = await getJson<{ MediaContainer: { Agent: { identifier: string }[] } }>(
      demo,
      '/system/agents',
    )
    const ids = body.MediaContainer.Agent.map(a => a.identifier)
    for (const id of [
      'tv.plex.agents.movie',
      'com.plexapp.agents.none',
      'tv.plex.agents.none',
      'com.plexapp.agents.localmedia',
    ]) {
      expect(ids).toContain(id)
    }
  })

  it('edits agent and library prefs; agent is required on PUT /library/sections/{id}', async () => {
    expect(
      (await call(demo, '/library/sections/1?prefs[useExternalExtras]=0', { method: 'PUT' }))
        .status,
    ).toBe(400)
    const unknownPref = await call(
      demo,
      '/library/sections/1?agent=tv.plex.agents.none&prefs[nope]=1',
      {
        method: 'PUT',
      },
    )
    expect(unknownPref.status).toBe(400)
    const wrongAgent = await call(demo, '/library/sections/1?agent=tv.plex.agents.music', {
      method: 'PUT',
    })
    expect(wrongAgent.status).toBe(400)
    const section = await getJson<{ MediaContainer: { Directory: Directory[] } }>(
      demo,
      '/library/sections/1',
    )
    expect(section.MediaContainer.Directory[0]?.agent).toBe('tv.plex.agents.movie')

    const ok = await call(
      demo,
      '/library/sections/1?agent=tv.plex.agents.none&prefs[useExternalExtras]=false&prefs[enableCinemaTrailers]=0',
      { method: 'PUT' },
    )
    expect(ok.status).toBe(200)
    const prefs = await getJson<{ MediaContainer: { Setting: Setting[] } }>(
      demo,
      '/library/sections/1/prefs',
    )
    const values = Object.fromEntries(prefs.MediaContainer.Setting.map(s => [s.id, s.value]))
    expect(values).toMatchObject({
      useExternalExtras: false,
      enableCinemaTrailers: false,
      useLocalAssets: true,
    })
    const after = await getJson<{ MediaContainer: { Directory: Directory[] } }>(
      demo,
      '/library/sections/1',
    )
    expect(after.MediaContainer.Directory[0]?.agent).toBe('tv.plex.agents.none')
  })

  it('renders library prefs in XML with True/False values', async () => {
    const text = await (await call(demo, '/library/sections/4/prefs')).text()
    expect(text).toMatch(
      /<Setting id="enableAutoPhotoTags" [^>]*default="False" value="True" hidden="0" advanced="0"/,
    )
  })

  it('answers /myplex/account and /status/sessions', async () => {
    const account = await getJson<{ MyPlex: { mappingState: string; signInState: string } }>(
      demo,
      '/myplex/account',
    )
    expect(account.MyPlex).toMatchObject({ mappingState: 'mapped', signInState: 'ok' })
    const sessions = await getJson<{ MediaContainer: { size: number } }>(demo, '/status/sessions')
    expect(sessions.MediaContainer.size).toBe(0)
    const root = await getJson<{ MediaContainer: { machineIdentifier: string } }>(demo, '/')
    expect(root.MediaContainer.machineIdentifier).toBe(demo.machineIdentifier)
  })

  it('makes the same libraries from the same seed', async () => {
    const other = await startTestDemo()
    try {
      const a = await getJson(demo, '/library/sections/1/all')
      const b = await getJson(other.demo, '/library/sections/1/all')
      expect(JSON.stringify(b)).toBe(JSON.stringify(a))
    } finally {
      await other.cleanup()
    }
  })
})
