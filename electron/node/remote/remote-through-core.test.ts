// SECURITY.md 12: signing in with Plex hands out a link and a PIN id, never a token; logs are never
// pulled through the relay. Every answer of this file is checked for the tokens at the end.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoServer, type DemoServer } from '../../demo/start-demo-server'
import { createFileSettingsStore } from '../settings/file-settings-store'
import { createCoreService, type CoreService } from '../service/create-core-service'
import { createMemorySecretStore, type SecretStore } from '../service/ports'
import { accountTokenKey } from './remote-account'

// The demo stands in for both plex.tv (PINs, resources) and the server on another machine.
describe('a server on another machine, through the core', () => {
  let demo: DemoServer
  let core: CoreService
  let secrets: SecretStore
  let work: string
  let demoDir: string
  const outputs: unknown[] = []
  const seen = <T>(value: T): T => {
    outputs.push(value)
    return value
  }

  const approve = async (link: string) => {
    const code = new URLSearchParams(link.slice(link.indexOf('#?') + 2)).get('code') ?? ''
    await fetch(`${demo.url}/auth/approve`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code }).toString(),
    })
  }
  const waitFor = async (condition: () => Promise<boolean>, timeoutMs = 10_000) => {
    const end = Date.now() + timeoutMs
    while (!(await condition()) && Date.now() < end) {
      await new Promise(resolve => setTimeout(resolve, 50))
    }
  }
  const count = async () => (await core.api['log.count']({})).total

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'hush-remote-core-'))
    demoDir = join(work, 'server-machine')
    demo = await startDemoServer({
      dataDir: demoDir,
      seed: 5,
      backfillHours: 2,
      rotateBytes: 96 * 1024,
    })
    secrets = createMemorySecretStore()
    // No data folder is named: everything the core knows of the server comes over HTTP.
    core = await createCoreService({
      stateDir: join(work, 'state'),
      env: { HUSH_ACCOUNT_URL: demo.url },
      secrets,
      settings: createFileSettingsStore(join(work, 'state')),
      signInPollMs: 20,
    })
    await core.start()
  })
  afterAll(async () => {
    await core.stop()
    await demo.close()
    await rm(work, { recursive: true, force: true })
  })

  it('signs in with a PIN the owner approves, keeping the token in the secret store only', async () => {
    expect(await core.api['account.status']({})).toMatchObject({ signedIn: false })
    const started = seen(await core.api['account.signIn']({}))
    expect(started.ok).toBe(true)
    if (!started.ok) {
      return
    }
    expect(started.value.link).toMatch(new RegExp(`^${demo.url}/auth#\\?clientID=hush-`))
    const early = seen(
      await core.api['account.signInWait']({ pinId: started.value.pinId, waitMs: 60 }),
    )
    expect(early).toEqual({ ok: true, value: { signedIn: false } })
    await approve(started.value.link)
    const done = seen(
      await core.api['account.signInWait']({ pinId: started.value.pinId, waitMs: 5000 }),
    )
    expect(done).toEqual({ ok: true, value: { signedIn: true } })
    expect(await secrets.get(accountTokenKey)).toBe(demo.token)
    expect(seen(await core.api['account.status']({}))).toMatchObject({ signedIn: true })
  })

  it('lists the owner’s servers with the connection chosen and why, past a dead first one', async () => {
    const servers = seen(await core.api['remote.servers']({}))
    expect(servers.ok).toBe(true)
    const server = servers.ok ? servers.value[0] : undefined
    expect(server).toMatchObject({
      id: demo.machineIdentifier,
      reachable: true,
      active: false,
      connection: { uri: demo.url, kind: 'local', secure: false },
    })
    expect(server?.tried[0]).toMatchObject({ outcome: 'failed', kind: 'local', secure: true })
    expect(server?.tried[0]?.reason).toBeTruthy()
    expect(server?.reason).toMatch(/1 address\(es\) before it did not answer/)
  })

  it('picks the server, pulls its logs at once and reads them from the mirror folder', async () => {
    const used = seen(await core.api['remote.use']({ server: demo.machineIdentifier }))
    expect(used.ok && used.value.machineIdentifier).toBe(demo.machineIdentifier)
    expect(await core.api['server.list']({})).toEqual([
      expect.objectContaining({ id: demo.machineIdentifier, active: true, demo: false }),
    ])
    await waitFor(async () => (await core.api['remote.logSource']({})).lastPullAt !== null)
    const source = seen(await core.api['remote.logSource']({}))
    expect(source).toMatchObject({ mode: 'pulled', intervalMinutes: 5, lastError: null })
    expect(source.logsDir).toBe(join(work, 'state', 'pulled', demo.machineIdentifier, 'Logs'))
    expect(source.lastInserted).toBeGreaterThan(100)
    expect(
      Date.parse(source.nextPullAt ?? '') - Date.parse(source.lastPullAt ?? ''),
    ).toBeGreaterThan(4 * 60_000)
    expect(await count()).toBe(source.lastInserted)
    expect((await core.api['log.tailStatus']({})).state).not.toBe('following')
  })

  it('stores nothing twice when a pull overlaps the last, and what is new after a rotation', async () => {
    const before = await count()
    const again = seen(await core.api['remote.pull']({}))
    expect(again.ok && again.value.inserted).toBe(0)
    expect(await count()).toBe(before)
    demo.faults.advance(3 * 3_600_000)
    const later = seen(await core.api['remote.pull']({}))
    expect(later.ok && later.value.inserted).toBeGreaterThan(0)
    expect(await count()).toBe(before + (later.ok ? later.value.inserted : 0))
  })

  it('verifies from the pulled logs; what needs the server’s files says so', async () => {
    const report = seen(await core.api['verify.run']({}))
    expect(report.ok).toBe(true)
    expect(report.ok && report.value.log.files).toBeGreaterThan(0)
    const crash = seen(await core.api['preview.crashReports']({}))
    expect(crash.ok && crash.value.needsServerFiles).toMatch(/needs the server’s files/)
    const deleted = seen(await core.api['preview.deleteCrashDumps']({ paths: ['a.dmp'] }))
    expect(deleted).toMatchObject({ ok: true, value: { deleted: [] } })
    expect(deleted.ok && deleted.value.needsServerFiles).toMatch(/needs the server’s files/)
    const discovered = seen(await core.api['server.discover']({}))
    expect(discovered.ok && discovered.value.needsServerFiles).toMatch(/another machine/)
    // Previews built from the server's API still are.
    const matching = seen(await core.api['preview.matching']({ itemLimit: 1 }))
    expect(matching.ok).toBe(true)
  })

  it.each([
    ['truncated', /damaged or cut short/],
    ['not-a-zip', /not a zip file/],
    ['traversal', /outside its folder/],
  ] as const)(
    'refuses a %s zip in one line and keeps what it had',
    async (mode, reason) => {
      const before = await count()
      const last = (await core.api['remote.logSource']({})).lastPullAt
      demo.faults.logsZip(mode)
      const pulled = seen(await core.api['remote.pull']({}))
      demo.faults.logsZip('zip')
      expect(pulled.ok ? null : pulled.error.kind).toBe('logPullFailed')
      expect(pulled.ok ? '' : pulled.error.message).toMatch(reason)
      expect(pulled.ok ? '' : pulled.error.message).not.toContain('\n')
      expect(await count()).toBe(before)
      const source = await core.api['remote.logSource']({})
      expect(source.lastPullAt).toBe(last)
      expect(source.lastError).toMatch(reason)
    },
    30_000,
  )

  it('says in one line when plex.tv is down, for the servers and a sign-in, and keeps the active server', async () => {
    demo.faults.plexTvDown(true)
    const servers = seen(await core.api['remote.servers']({}))
    const signIn = seen(await core.api['account.signIn']({}))
    demo.faults.plexTvDown(false)
    expect(signIn.ok ? null : signIn.error.kind).toBe('accountUnavailable')
    expect(signIn.ok ? '' : signIn.error.message).not.toContain('\n')
    expect(servers.ok ? null : servers.error.kind).toBe('accountUnavailable')
    expect((await core.api['server.list']({}))[0]).toMatchObject({ active: true })
  })

  it('says in one line when a new PIN expires, and stays signed in', async () => {
    const started = await core.api['account.signIn']({})
    demo.faults.pins({ expire: true })
    const waited = seen(
      await core.api['account.signInWait']({
        pinId: started.ok ? started.value.pinId : 0,
        waitMs: 2000,
      }),
    )
    expect(waited.ok ? null : waited.error.kind).toBe('signInFailed')
    expect(waited.ok ? '' : waited.error.message).toMatch(/expired before it was approved/)
    expect(await core.api['account.status']({})).toMatchObject({ signedIn: true })
  })

  it('follows the owner’s pull interval, and 0 pulls only on demand', async () => {
    await core.api['settings.update']({ logPullMinutes: 0 })
    await waitFor(async () => (await core.api['remote.logSource']({})).intervalMinutes === 0)
    expect(await core.api['remote.logSource']({})).toMatchObject({
      intervalMinutes: 0,
      nextPullAt: null,
    })
    await core.api['settings.update']({ logPullMinutes: 15 })
    await waitFor(async () => (await core.api['remote.logSource']({})).intervalMinutes === 15)
    expect((await core.api['remote.logSource']({})).intervalMinutes).toBe(15)
  })

  it('does not pull the logs of a server it reaches only through Plex’s relay', async () => {
    const file = join(work, 'state', 'servers.json')
    const known = JSON.parse(await readFile(file, 'utf8')) as { servers: { via: string }[] }
    const write = (via: string) =>
      writeFile(
        file,
        JSON.stringify({ ...known, servers: known.servers.map(r => ({ ...r, via })) }),
      )
    await write('relay')
    // With plex.tv at hand, a server last reached by relay is chosen again at a connect and
    // before a pull (a closer address may answer now): without it, Hush keeps the relay.
    demo.faults.plexTvDown(true)
    const selected = await core.api['server.select']({ id: demo.machineIdentifier })
    expect(selected.ok).toBe(true)
    const before = await count()
    const pulled = seen(await core.api['remote.pull']({}))
    demo.faults.plexTvDown(false)
    expect(pulled.ok ? '' : pulled.error.message).toMatch(/answers only through Plex’s relay/)
    expect(await count()).toBe(before)
    await write('local')
    expect((await core.api['server.select']({ id: demo.machineIdentifier })).ok).toBe(true)
  })

  it('pulls again on its schedule, every N minutes', async () => {
    const stateDir = join(work, 'state-scheduled')
    const settings = createFileSettingsStore(stateDir)
    await settings.write({ ...(await settings.read()), logPullMinutes: 1 })
    // The same keychain: the account token is there already. A "minute" lasts 300 ms here.
    const scheduled = await createCoreService({
      stateDir,
      env: { HUSH_ACCOUNT_URL: demo.url },
      secrets,
      settings,
      pullMinuteMs: 300,
    })
    await scheduled.start()
    try {
      expect((await scheduled.api['remote.use']({ server: 'hush-demo' })).ok).toBe(true)
      const pulls = new Set<string>()
      await waitFor(async () => {
        const at = (await scheduled.api['remote.logSource']({})).lastPullAt
        if (at !== null) {
          pulls.add(at)
        }
        return pulls.size >= 3
      })
      expect(pulls.size).toBeGreaterThanOrEqual(3)
      expect((await scheduled.api['log.count']({})).total).toBe(await count())
    } finally {
      await scheduled.stop()
    }
  })

  it('says the server refused the token once it was revoked, and stores nothing', async () => {
    const port = Number(new URL(demo.url).port)
    await demo.close()
    demo = await startDemoServer({ dataDir: demoDir, seed: 5, port, token: 'rotated-token-0001' })
    const before = await count()
    const pulled = seen(await core.api['remote.pull']({}))
    expect(pulled.ok ? null : pulled.error.kind).toBe('unauthorized')
    expect(pulled.ok ? '' : pulled.error.message).toMatch(/refused Hush’s token \(401\)/)
    expect(await count()).toBe(before)
  })

  it('forgets the account token on sign-out, and never let a token out', async () => {
    const out = seen(await core.api['account.signOut']({}))
    expect(out.signedIn).toBe(false)
    expect(await secrets.get(accountTokenKey)).toBeUndefined()
    const servers = await core.api['remote.servers']({})
    expect(servers.ok ? null : servers.error.kind).toBe('signInFailed')
    const text = JSON.stringify(outputs)
    expect(text).not.toContain(demo.token)
    expect(text).not.toContain('rotated-token-0001')
  })
})
