import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPlexAccountClient } from '../account/plex-account-client'
import { startTestDemo } from '../../demo/demo-test-helpers'
import type { DemoServer } from '../../demo/start-demo-server'
import { createPlexClient, type PlexClient } from '../server/plex-client'
import { buildAccountPreview } from './account-preview'
import { buildCrashReportsPreview } from './crash-reports-preview'
import { buildMatchingPreview } from './matching-preview'
import { buildRemoteAccessPreview } from './remote-access-preview'

// An old server (1.13, the 2018 setting list: no relay, no push notifications, legacy agents and
// log format) must still get every preview, each saying what it cannot know.
describe('every preview against an old server version', () => {
  let demo: DemoServer
  let dataDir: string
  let cleanup: () => Promise<void>
  let client: PlexClient

  beforeAll(async () => {
    ;({ demo, dataDir, cleanup } = await startTestDemo({ legacy: true, backfillHours: 1 }))
    client = createPlexClient({
      baseUrl: demo.url,
      token: demo.token,
      timeoutMs: 5000,
      headers: {},
    })
  })
  afterAll(() => cleanup())

  it('matching: lists the libraries and items with their hints', async () => {
    const preview = await buildMatchingPreview(client)
    expect(preview.ok && preview.value.libraries.length).toBeGreaterThan(0)
    const online = preview.ok ? preview.value.libraries.filter(l => l.contactsInternet) : []
    expect(
      online.every(library => library.items.every(item => item.hints.title === item.title)),
    ).toBe(true)
  })

  it('remote access: says the relay setting does not exist on this version', async () => {
    const account = createPlexAccountClient({
      baseUrl: demo.url,
      token: demo.token,
      timeoutMs: 5000,
      headers: {},
    })
    const preview = await buildRemoteAccessPreview(client, account, demo.machineIdentifier, dataDir)
    expect(preview.ok && preview.value.relayEnabled).toBeNull()
    expect(preview.ok && preview.value.unknowns.join(' ')).toContain('no relay setting')
  })

  it('crash reports: lists the dumps from the old-format log', async () => {
    const preview = await buildCrashReportsPreview(client, dataDir)
    expect(preview.ok).toBe(true)
    expect(preview.ok && preview.value.uploadEnabled).not.toBeNull()
  })

  it('account: reads the account, which does not depend on the server version', async () => {
    const account = createPlexAccountClient({
      baseUrl: demo.url,
      token: demo.token,
      timeoutMs: 5000,
      headers: {},
    })
    const preview = await buildAccountPreview(account)
    expect(preview.ok && preview.value.reachable).toBe(true)
  })
})
