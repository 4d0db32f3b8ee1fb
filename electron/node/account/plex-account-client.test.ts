import { afterEach, describe, expect, it } from 'vitest'
import type * as z from 'zod'
import { startTestDemo } from '../../demo/demo-test-helpers'
import { decode } from '../server/plex-client'
import { plexIdentificationHeaders } from '../server/plex-headers'
import { closedPortUrl } from '../server/testing/http-fixture'
import { readCorpus } from '../server/testing/corpus-dir'
import { accountPrivacySchema, accountResourcesSchema, accountUserSchema } from './account-schemas'
import { createPlexAccountClient } from './plex-account-client'

function mustDecode<S extends z.ZodType>(schema: S, text: string) {
  const result = decode(schema, text, null, '/test')
  if (!result.ok) {
    throw new Error(result.error.message)
  }
  return result.value
}

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) {
    await cleanup()
  }
})

describe('plex.tv response parsers against the real corpus', () => {
  it('reads the account of a free and a Plex Pass user, without keeping the token', () => {
    for (const file of [
      'api/plexapirs_plextv_api_v2_user_free.json',
      'api/plexapirs_plextv_api_v2_user_plexpass.json',
    ]) {
      const user = mustDecode(accountUserSchema, readCorpus(file))
      expect(user.uuid).toMatch(/^[0-9a-f]{16}$/)
      expect(JSON.stringify(user)).not.toContain('auth_token')
    }
  })

  it('reads resources in the v2 JSON and the legacy XML form, with relay connections', () => {
    const v2 = mustDecode(
      accountResourcesSchema,
      readCorpus('api/plexapirs_plextv_api_v2_resources.json'),
    )
    const server = v2.find(resource => resource.provides === 'server')
    expect(server).toMatchObject({ name: 'Box', relay: true, owned: true })
    expect(server?.connections.filter(connection => connection.relay).map(c => c.uri)).toEqual([
      'https://178-3-2-1.client-id2.plex.direct:8443',
    ])
    const legacy = mustDecode(
      accountResourcesSchema,
      readCorpus('api/plexapirs_plextv_api_resources.xml'),
    )
    expect(legacy).toHaveLength(1)
    expect(legacy[0]).toMatchObject({ name: 'Box', relay: true, presence: true })
    expect(legacy[0]?.connections.map(connection => connection.local)).toEqual([true, false, false])
    expect(JSON.stringify([v2, legacy])).not.toContain('auth_token')
  })

  it('reads the privacy opt-outs from JSON and XML', () => {
    expect(
      mustDecode(
        accountPrivacySchema,
        '{"optOutPlayback": true, "optOutLibraryStats": false, "domain": "analytics.plex.tv"}',
      ),
    ).toEqual({
      optOutPlayback: true,
      optOutLibraryStats: false,
    })
    expect(
      mustDecode(accountPrivacySchema, '<privacy optOutPlayback="0" optOutLibraryStats="1"/>'),
    ).toEqual({
      optOutPlayback: false,
      optOutLibraryStats: true,
    })
  })
})

describe('the plex.tv account client against the demo server', () => {
  async function client() {
    const started = await startTestDemo()
    cleanups.push(started.cleanup)
    const { demo } = started
    return {
      demo,
      account: createPlexAccountClient({
        baseUrl: demo.url,
        token: demo.token,
        timeoutMs: 3000,
        headers: plexIdentificationHeaders('hush-test'),
      }),
    }
  }

  it('reads and writes the privacy opt-outs, view-state sync and online sources', async () => {
    const { account } = await client()
    const user = await account.user()
    expect(user.ok).toBe(true)
    const uuid = user.ok ? user.value.uuid : ''
    expect(await account.setPrivacy({ optOutPlayback: true })).toEqual({
      ok: true,
      value: undefined,
    })
    expect(await account.privacy()).toEqual({
      ok: true,
      value: { optOutPlayback: true, optOutLibraryStats: false },
    })
    expect((await account.setViewStateSync(false)).ok).toBe(true)
    expect(await account.viewStateSync()).toEqual({ ok: true, value: false })
    expect((await account.setOptOut(uuid, 'tv.plex.provider.music', 'opt_out')).ok).toBe(true)
    const optOuts = await account.optOuts(uuid)
    expect(optOuts.ok && optOuts.value['tv.plex.provider.music']).toBe('opt_out')
    const resources = await account.resources()
    expect(
      resources.ok && resources.value.some(resource => resource.provides?.includes('server')),
    ).toBe(true)
  })

  it('says accountUnavailable with the reason when plex.tv is down or unreachable, never throws', async () => {
    const { demo, account } = await client()
    await fetch(`${demo.url}/__demo/plex-tv?down=1`, {
      method: 'POST',
      headers: { 'X-Plex-Token': demo.token },
    })
    const down = await account.privacy()
    expect(down).toMatchObject({ ok: false, error: { kind: 'accountUnavailable' } })
    const nowhere = createPlexAccountClient({
      baseUrl: await closedPortUrl(),
      token: 'secret-account-token',
      timeoutMs: 1000,
      headers: plexIdentificationHeaders('hush-test'),
    })
    const unreachable = await nowhere.user()
    expect(unreachable).toMatchObject({ ok: false, error: { kind: 'accountUnavailable' } })
    expect(JSON.stringify(unreachable)).not.toContain('secret-account-token')
  })
})
