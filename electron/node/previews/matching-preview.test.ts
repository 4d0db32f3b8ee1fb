import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, startTestDemo } from '../../demo/demo-test-helpers'
import type { DemoServer } from '../../demo/start-demo-server'
import { createPlexClient } from '../server/plex-client'
import { buildMatchingPreview } from './matching-preview'

describe('the metadata-matching preview', () => {
  let demo: DemoServer
  let cleanup: () => Promise<void>
  const client = () =>
    createPlexClient({ baseUrl: demo.url, token: demo.token, timeoutMs: 5000, headers: {} })

  beforeAll(async () => {
    ;({ demo, cleanup } = await startTestDemo())
  })
  afterAll(() => cleanup())

  it('lists every item of a movie library with the body of its match request: type, title, year and the relative file name', async () => {
    const preview = await buildMatchingPreview(client())
    expect(preview.ok).toBe(true)
    if (!preview.ok) {
      return
    }
    const movies = preview.value.libraries.find(
      library => library.type === 'movie' && library.contactsInternet,
    )
    expect(movies).toBeDefined()
    expect(movies?.host).toBe('metadata.provider.plex.tv')
    expect(movies?.items).toHaveLength(movies?.itemCount ?? -1)
    expect(movies?.itemCount).toBeGreaterThan(0)
    expect(movies?.requestShape).toMatch(
      /^POST https:\/\/metadata\.provider\.plex\.tv\/library\/metadata\/matches\?/,
    )
    for (const item of movies?.items ?? []) {
      expect(item.filePath).toMatch(/\.(mkv|mp4|avi|m4v)$/)
      expect(item.hints.type).toBe('1')
      expect(item.hints.title).toBe(item.title)
      expect(item.filePath?.endsWith(item.hints.filename ?? '?')).toBe(true)
      expect(item.hints.filename?.startsWith('/data/')).toBe(false)
      if (item.year !== null) {
        expect(item.hints.year).toBe(String(item.year))
      }
    }
  })

  it('shows, field for field, the body the server sends when it matches (the demo’s record of it)', async () => {
    const preview = await buildMatchingPreview(client())
    const libraries = preview.ok ? preview.value.libraries.filter(l => l.contactsInternet) : []
    const since = demo.now()
    for (const library of libraries) {
      await call(demo, `/library/sections/${library.id}/refresh`)
    }
    demo.faults.advance(60_000)
    const bodies = demo
      .sent()
      .filter(r => r.time >= since && r.method === 'POST' && r.flow === 'matching')
      .map(r => JSON.parse(r.body ?? '{}') as Record<string, string | number>)
    expect(bodies.length).toBe(libraries.reduce((n, l) => n + l.itemCount, 0))
    for (const library of libraries) {
      for (const item of library.items) {
        const sent = bodies.find(body => body.title === item.title)
        expect(sent, item.title).toBeDefined()
        const shown = item.hints
        expect(String(sent?.type)).toBe(shown.type)
        expect(String(sent?.year)).toBe(shown.year)
        expect(Object.keys(sent ?? {}).sort()).toEqual(Object.keys(shown).sort())
        const folder = shown.filename?.replace(/\/… \(the first file found in this folder\)$/, '')
        expect(String(sent?.filename).startsWith(folder ?? '?')).toBe(true)
      }
    }
  })

  it('shows that a library on a local agent sends nothing', async () => {
    const preview = await buildMatchingPreview(client())
    const local = preview.ok
      ? preview.value.libraries.filter(library => !library.contactsInternet)
      : []
    expect(local.length).toBeGreaterThan(0)
    for (const library of local) {
      expect(library.items.every(item => Object.keys(item.hints).length === 0)).toBe(true)
    }
  })

  it('narrows to one library and caps the items it returns, not the count', async () => {
    const all = await buildMatchingPreview(client())
    const first = all.ok ? all.value.libraries[0] : undefined
    const one = await buildMatchingPreview(client(), { libraryId: first?.id, itemLimit: 1 })
    expect(one.ok && one.value.libraries.map(library => library.id)).toEqual([first?.id])
    expect(one.ok && one.value.libraries[0]?.items.length).toBe(Math.min(1, first?.itemCount ?? 0))
    expect(one.ok && one.value.libraries[0]?.itemCount).toBe(first?.itemCount)
  })

  it('fails with a value, not a throw, when the server refuses the token', async () => {
    const refused = await buildMatchingPreview(
      createPlexClient({ baseUrl: demo.url, token: 'wrong', timeoutMs: 5000, headers: {} }),
    )
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.error.kind).toBe('unauthorized')
  })
})
