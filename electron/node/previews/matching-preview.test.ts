import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestDemo } from '../demo/demo-test-helpers'
import type { DemoServer } from '../demo/start-demo-server'
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

  it('lists every item of a movie library with its file path and title/year hints', async () => {
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
    for (const item of movies?.items ?? []) {
      expect(item.filePath).toMatch(/\.(mkv|mp4|avi|m4v)$/)
      expect(item.hints.title).toBe(item.title)
      expect(item.hints.filename).toBe(item.filePath)
      if (item.year !== null) {
        expect(item.hints.year).toBe(String(item.year))
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
