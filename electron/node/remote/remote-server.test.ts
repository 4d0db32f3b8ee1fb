import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPlexAccountClient } from '../account/plex-account-client'
import { startTestDemo } from '../../demo/demo-test-helpers'
import type { DemoServer } from '../../demo/start-demo-server'
import { parseFiles } from '../outbound/parse/parse-file'
import { serverLogsOldestFirst } from '../outbound/import/log-files'
import { importFiles } from '../outbound/import/import-files'
import { EventWriter } from '../outbound/store/event-writer'
import { openStore } from '../outbound/store/open-store'
import { createPlexClient } from '../server/plex-client'
import { plexIdentificationHeaders } from '../server/plex-headers'
import { chooseConnection } from './choose-connection'
import { createPlexPins } from './plex-pins'
import { pullServerLogs } from './pull-logs'
import { signInWithPlex } from './sign-in'
import { storedKeySql } from '../outbound/testing/stored-key'

const client = 'hush-test-client-0001'
const headers = plexIdentificationHeaders(client)

describe('a server on another machine', () => {
  let demo: DemoServer
  let cleanup: () => Promise<void>
  let work: string

  beforeAll(async () => {
    ;({ demo, cleanup } = await startTestDemo({ backfillHours: 2, rotateBytes: 96 * 1024 }))
    work = await mkdtemp(join(tmpdir(), 'hush-remote-'))
  })
  afterAll(async () => {
    await cleanup()
    await rm(work, { recursive: true, force: true })
  })

  const pins = () => createPlexPins({ baseUrl: demo.url, timeoutMs: 5000, headers })
  const approveFrom = (link: string) => {
    const code = new URLSearchParams(link.slice(link.indexOf('#?') + 2)).get('code') ?? ''
    void fetch(`${demo.url}/auth/approve`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code }).toString(),
    })
  }

  it('signs in with a PIN the owner approves in the browser, and gets the account token', async () => {
    let link = ''
    const token = await signInWithPlex({
      pins: pins(),
      accountUrl: demo.url,
      clientIdentifier: client,
      onLink: shown => {
        link = shown
        approveFrom(shown)
      },
      pollMs: 20,
    })
    expect(token).toEqual({ ok: true, value: demo.token })
    expect(link).toMatch(new RegExp(`^${demo.url}/auth#\\?clientID=${client}&code=[\\w-]{25}&`))
  })

  it('points at Plex’s own sign-in page for plex.tv', async () => {
    const { authLink } = await import('./sign-in')
    expect(authLink('https://plex.tv', 'id1', 'abc')).toBe(
      'https://app.plex.tv/auth#?clientID=id1&code=abc&context%5Bdevice%5D%5Bproduct%5D=Hush',
    )
  })

  it('says in one line when the PIN expires or is refused, and when plex.tv cannot be reached', async () => {
    demo.faults.pins({ refuse: true })
    const refused = await signInWithPlex({
      pins: pins(),
      accountUrl: demo.url,
      clientIdentifier: client,
      onLink: link => {
        approveFrom(link)
        setTimeout(() => demo.faults.pins({ expire: true }), 100)
      },
      pollMs: 20,
    })
    demo.faults.pins({ refuse: false })
    expect(refused.ok ? null : refused.error).toMatchObject({ kind: 'signInFailed' })
    expect(refused.ok ? '' : refused.error.message).toMatch(/expired before it was approved/)
    demo.faults.plexTvDown(true)
    const down = await signInWithPlex({
      pins: pins(),
      accountUrl: demo.url,
      clientIdentifier: client,
      onLink: () => undefined,
    })
    demo.faults.plexTvDown(false)
    expect(down.ok ? null : down.error.kind).toBe('accountUnavailable')
  })

  it('picks the first connection that answers as the server, local before remote before relay', async () => {
    const account = createPlexAccountClient({
      baseUrl: demo.url,
      token: demo.token,
      timeoutMs: 5000,
      headers,
    })
    const resources = await account.resources()
    const server = resources.ok ? resources.value.find(r => r.provides === 'server') : undefined
    expect(server?.connections.length).toBeGreaterThan(1)
    const tokens = await account.serverTokens()
    const serverToken = tokens.ok ? tokens.value.get(server?.clientIdentifier ?? '') : undefined
    expect(serverToken).toBeTruthy()
    expect(JSON.stringify(resources)).not.toContain(serverToken)
    const choice = await chooseConnection(
      server ?? { connections: [], httpsRequired: false },
      async uri => {
        const identity = await createPlexClient({
          baseUrl: uri,
          token: serverToken ?? null,
          timeoutMs: 3000,
          headers,
        }).identity()
        return identity.ok
          ? identity.value.machineIdentifier === demo.machineIdentifier
            ? null
            : 'another server answered'
          : identity.error.message
      },
    )
    expect(choice.reachable).toBe(true)
    if (choice.reachable) {
      expect(choice.uri).toBe(demo.url)
      expect(choice.kind).toBe('local')
      expect(choice.tried[0]?.outcome).not.toBe('answered')
      expect(choice.reason).toMatch(/1 address\(es\) before it did not answer/)
    }
  })

  it('pulls the server’s logs as a zip and imports them exactly once, through rotations', async () => {
    const http = { baseUrl: demo.url, token: demo.token, timeoutMs: 10_000, headers }
    const mirror = join(work, 'pulled', 'Logs')
    const db = openStore(join(work, 'outbound.sqlite'))
    const writer = new EventWriter(db)
    const pullAndImport = async () => {
      const pulled = await pullServerLogs(http, mirror)
      expect(pulled.ok).toBe(true)
      return pulled.ok ? importFiles(db, writer, pulled.value.files) : null
    }
    const first = await pullAndImport()
    expect(first?.inserted).toBeGreaterThan(100)
    const again = await pullAndImport()
    expect(again?.inserted).toBe(0)
    demo.faults.advance(3 * 3_600_000)
    // Every exchange the server's own files hold before the last pull is stored, and none twice.
    const logs = join(demo.dataDir, 'Logs')
    expect(existsSync(join(logs, 'Plex Media Server.2.log'))).toBe(true)
    const keys = new Set<string>()
    await parseFiles(await serverLogsOldestFirst(logs), batch =>
      batch.forEach(event => keys.add(event.key)),
    )
    const later = await pullAndImport()
    expect(later?.inserted).toBeGreaterThan(0)
    const stored = db.prepare(`SELECT ${storedKeySql()} FROM events`).pluck().all() as string[]
    expect(new Set(stored).size).toBe(stored.length)
    expect(stored.filter(key => keys.has(key)).length).toBe(keys.size)
    db.close()
  })

  it.each([
    ['truncated', /damaged or cut short/],
    ['not-a-zip', /not a zip file/],
    ['traversal', /outside its folder/],
  ] as const)(
    'refuses a %s zip in one line and keeps the mirror as it was',
    async (mode, reason) => {
      const mirror = join(work, `pulled-${mode}`, 'Logs')
      const http = { baseUrl: demo.url, token: demo.token, timeoutMs: 10_000, headers }
      expect((await pullServerLogs(http, mirror)).ok).toBe(true)
      const before = (await readdir(mirror)).sort()
      demo.faults.logsZip(mode)
      const pulled = await pullServerLogs(http, mirror)
      demo.faults.logsZip('zip')
      expect(pulled.ok ? null : pulled.error.kind).toBe('logPullFailed')
      expect(pulled.ok ? '' : pulled.error.message).toMatch(reason)
      expect((await readdir(mirror)).sort()).toEqual(before)
      expect(existsSync(join(work, `pulled-${mode}`, 'outside.log'))).toBe(false)
    },
  )

  it('stops at its size limits: a zip too large, an entry that unpacks too large', async () => {
    const http = { baseUrl: demo.url, token: demo.token, timeoutMs: 10_000, headers }
    const small = { maxZipBytes: 16 * 1024, maxEntryBytes: 1 << 30, maxTotalBytes: 1 << 30 }
    const tooLarge = await pullServerLogs(http, join(work, 'small', 'Logs'), small)
    expect(tooLarge.ok ? '' : tooLarge.error.message).toMatch(/larger than 16 KiB/)
    demo.faults.logsZip('bomb')
    const bomb = await pullServerLogs(http, join(work, 'bomb', 'Logs'), {
      maxZipBytes: 1 << 30,
      maxEntryBytes: 8 * 1024 * 1024,
      maxTotalBytes: 1 << 30,
    })
    demo.faults.logsZip('zip')
    expect(bomb.ok ? '' : bomb.error.message).toMatch(/unpacks to more than 8 MiB/)
    expect(await readdir(join(work, 'bomb', 'Logs'))).toEqual([])
  })

  it('says the server refused the token when it was revoked', async () => {
    const pulled = await pullServerLogs(
      { baseUrl: demo.url, token: 'revoked-token', timeoutMs: 5000, headers },
      join(work, 'revoked', 'Logs'),
    )
    expect(pulled.ok ? null : pulled.error.kind).toBe('unauthorized')
  })
})
