import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPlexAccountClient } from '../account/plex-account-client'
import { startTestDemo } from '../../demo/demo-test-helpers'
import type { DemoServer } from '../../demo/start-demo-server'
import { closedPortUrl } from '../server/testing/http-fixture'
import { createPlexClient } from '../server/plex-client'
import { buildAccountPreview } from './account-preview'
import { buildRemoteAccessPreview } from './remote-access-preview'

describe('the remote-access and account previews', () => {
  let demo: DemoServer
  let dataDir: string
  let cleanup: () => Promise<void>
  const http = (baseUrl: string) => ({ baseUrl, token: demo.token, timeoutMs: 3000, headers: {} })

  beforeAll(async () => {
    ;({ demo, dataDir, cleanup } = await startTestDemo())
  })
  afterAll(() => cleanup())

  it('reports remote access, relay, the mapping in plain words and what the server publishes', async () => {
    const preview = await buildRemoteAccessPreview(
      createPlexClient(http(demo.url)),
      createPlexAccountClient(http(demo.url)),
      demo.machineIdentifier,
      dataDir,
    )
    expect(preview.ok).toBe(true)
    if (!preview.ok) {
      return
    }
    expect(['on', 'off']).toContain(preview.value.remoteAccess)
    expect(preview.value.relayEnabled).toBe(true)
    expect(preview.value.mappingSummary.length).toBeGreaterThan(10)
    expect(preview.value.relayInUse).not.toBeNull()
  })

  it('says what it cannot know when plex.tv is out of reach', async () => {
    const preview = await buildRemoteAccessPreview(
      createPlexClient(http(demo.url)),
      createPlexAccountClient(http(await closedPortUrl())),
      demo.machineIdentifier,
      null,
    )
    expect(preview.ok && preview.value.relayInUse).toBeNull()
    expect(preview.ok && preview.value.unknowns.join(' ')).toMatch(/plex\.tv could not be asked/)
  })

  it('on an old server without a relay setting, says so instead of failing', async () => {
    const legacy = await startTestDemo({ legacy: true })
    try {
      const preview = await buildRemoteAccessPreview(
        createPlexClient({ ...http(legacy.demo.url), token: legacy.demo.token }),
        null,
        legacy.demo.machineIdentifier,
        null,
      )
      expect(preview.ok && preview.value.relayEnabled).toBeNull()
      expect(preview.ok && preview.value.unknowns.join(' ')).toContain('no relay setting')
    } finally {
      await legacy.cleanup()
    }
  })

  it('reads the account opt-outs from plex.tv', async () => {
    const preview = await buildAccountPreview(createPlexAccountClient(http(demo.url)))
    expect(preview.ok && preview.value.reachable).toBe(true)
    const ids = preview.ok ? preview.value.settings.map(setting => setting.switchId) : []
    expect(ids).toEqual(expect.arrayContaining(['usage-data', 'library-stats', 'view-state-sync']))
    expect(preview.ok && preview.value.settings.every(setting => setting.value !== null)).toBe(true)
    expect(preview.ok && preview.value.caveats.join(' ')).toMatch(/2024/)
  })

  it('says why the account cannot be checked when plex.tv is unreachable', async () => {
    const preview = await buildAccountPreview(createPlexAccountClient(http(await closedPortUrl())))
    expect(preview.ok && preview.value.reachable).toBe(false)
    expect(preview.ok && preview.value.reason).toMatch(/plex\.tv/)
  })
})
