import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ShownNotice } from '../../common/notices/notice'
import { startDemoServer, type DemoServer } from '../../demo/start-demo-server'
import { accountTokenKey } from '../remote/remote-account'
import { createFileSettingsStore } from '../settings/file-settings-store'
import { createCoreService, type CoreService } from './create-core-service'
import { createMemorySecretStore, type SecretStore } from './ports'

// The owner's laptop leaves home and comes back; the server stays where it is. The demo stands in
// for plex.tv (which lists the server's addresses) and for the server, which answers on its LAN
// address only while the laptop is at home (/__demo/network).
describe('following a server found through plex.tv from one of its addresses to another', () => {
  let demo: DemoServer
  let work: string
  let secrets: SecretStore
  let lanHost: string
  const mainHost = () => new URL(demo.url).host
  const running: CoreService[] = []
  const notices: ShownNotice[] = []

  const network = (at: 'home' | 'away') => demo.faults.network(at)
  /** Starts a core in the one state folder; the notices seen are those of this core on. */
  const startCore = async (pollSeconds = 60, place?: () => string) => {
    notices.length = 0
    const stateDir = join(work, 'state')
    const settings = createFileSettingsStore(stateDir)
    // Pulls only when a test asks: a scheduled one would race the network's changes.
    await settings.write({ ...(await settings.read()), logPullMinutes: 0 })
    const core = await createCoreService({
      stateDir,
      env: { HUSH_ACCOUNT_URL: demo.url },
      secrets,
      settings,
      // The laptop's own place on the network, which a test moves along with the demo's.
      network: { place: place ?? (() => 'home'), everyMs: 20 },
    })
    core.events.on('owner.notified', notice => notices.push(notice))
    running.push(core)
    await core.start({ pollSeconds })
    return core
  }
  const stopCore = async (core: CoreService) => {
    await core.stop()
    running.splice(running.indexOf(core), 1)
  }
  const remembered = async () => {
    const file = JSON.parse(await readFile(join(work, 'state', 'servers.json'), 'utf8')) as {
      servers: { url: string; via: string }[]
    }
    return file.servers[0]
  }
  const moves = () => notices.filter(notice => notice.kind === 'connectionChanged')
  const waitFor = async (condition: () => boolean | Promise<boolean>, timeoutMs = 15_000) => {
    const end = Date.now() + timeoutMs
    while (!(await condition()) && Date.now() < end) {
      await new Promise(resolve => setTimeout(resolve, 50))
    }
  }
  /** Picks the server the way the owner does, at home (its LAN address answers first). */
  const pickAtHome = async (core: CoreService) => {
    await network('home')
    const used = await core.api['remote.use']({ server: demo.machineIdentifier })
    expect(used.ok).toBe(true)
    expect((await core.api['server.list']({}))[0]?.url).toBe(`http://${lanHost}`)
  }
  /** Picks the server at home, then the laptop leaves home. */
  const pickAtHomeThenLeave = async (core: CoreService) => {
    await pickAtHome(core)
    await network('away')
  }

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'hush-follow-'))
    demo = await startDemoServer({ dataDir: join(work, 'server'), seed: 11, backfillHours: 1 })
    secrets = createMemorySecretStore()
    // Signed in already (the PIN flow has its own tests): the demo's account token is its token.
    await secrets.set(accountTokenKey, demo.token)
    await network('home')
    lanHost = new URL(demo.lanUrl() ?? '').host
  })
  afterAll(async () => {
    await Promise.all(running.map(core => core.stop()))
    await demo.close()
    await rm(work, { recursive: true, force: true })
  })

  it('pulls the logs at the server’s public address once its LAN address refuses', async () => {
    const core = await startCore()
    await pickAtHomeThenLeave(core)
    const pulled = await core.api['remote.pull']({})
    expect(pulled.ok).toBe(true)
    expect(await remembered()).toMatchObject({ url: demo.url, via: 'remote' })
    expect(moves()).toEqual([
      expect.objectContaining({
        kind: 'connectionChanged',
        title: 'Hush reaches hush-demo another way',
        body: `hush-demo no longer answered at ${lanHost}; Hush now reaches it at ${mainHost()}, by Remote Access, from outside your network.`,
      }),
    ])
    expect((await core.api['remote.logSource']({})).lastError).toBeNull()
    await stopCore(core)
  })

  it('follows it from the drift watch’s poll alone, with nothing asked of it', async () => {
    const core = await startCore(1)
    await pickAtHomeThenLeave(core)
    await waitFor(() => moves().length > 0)
    expect(moves()[0]?.body).toContain(`at ${mainHost()}, by Remote Access`)
    expect((await core.api['server.list']({}))[0]).toMatchObject({ url: demo.url, active: true })
    await stopCore(core)
  })

  it('takes the LAN address again at the next pull once the laptop is home', async () => {
    const core = await startCore()
    await pickAtHomeThenLeave(core)
    expect((await core.api['remote.pull']({})).ok).toBe(true)
    expect(await remembered()).toMatchObject({ url: demo.url, via: 'remote' })
    await network('home')
    const pulled = await core.api['remote.pull']({})
    expect(pulled.ok).toBe(true)
    expect(await remembered()).toMatchObject({ url: `http://${lanHost}`, via: 'local' })
    expect(moves().map(notice => notice.body)).toEqual([
      expect.stringContaining(`no longer answered at ${lanHost}`),
      `Hush reaches hush-demo at ${lanHost} again, on your network, rather than at ${mainHost()}.`,
    ])
    // Away again for the next test, which starts where this one left the server.
    await network('away')
    expect((await core.api['remote.pull']({})).ok).toBe(true)
    await stopCore(core)
  })

  it('takes the LAN address again at the next start once the laptop is home', async () => {
    expect(await remembered()).toMatchObject({ via: 'remote' })
    await network('home')
    const core = await startCore()
    expect(await remembered()).toMatchObject({ url: `http://${lanHost}`, via: 'local' })
    expect(moves().map(notice => notice.body)).toEqual([
      `Hush reaches hush-demo at ${lanHost} again, on your network, rather than at ${mainHost()}.`,
    ])
    await stopCore(core)
  })

  it('starts at the public address when the LAN address it knew refuses', async () => {
    await network('away')
    const core = await startCore()
    expect((await core.api['server.list']({}))[0]).toMatchObject({ url: demo.url, active: true })
    expect(moves()).toHaveLength(1)
    await stopCore(core)
  })

  it('follows the laptop’s changes of network alone, with pulls off and no poll due', async () => {
    let place = 'home'
    // A poll an hour away: only the change of network can find the server elsewhere.
    const core = await startCore(3600, () => place)
    await pickAtHome(core)
    // The drift watch's first look at a new connection runs at once: one more look, begun after
    // it, ends after it, so that leaving home cannot cut it (it would follow the server itself).
    expect((await core.api['watch.drift']({})).ok).toBe(true)
    await network('away')
    place = 'café'
    await waitFor(() => moves().length === 1)
    expect(moves()[0]?.body).toContain(`at ${mainHost()}, by Remote Access`)
    expect(await remembered()).toMatchObject({ url: demo.url, via: 'remote' })
    // Home again: nothing is pulled or checked; the change of network alone brings it back.
    await network('home')
    place = 'home'
    await waitFor(() => moves().length === 2)
    expect(moves()[1]?.body).toBe(
      `Hush reaches hush-demo at ${lanHost} again, on your network, rather than at ${mainHost()}.`,
    )
    expect((await core.api['server.list']({}))[0]).toMatchObject({
      url: `http://${lanHost}`,
      active: true,
    })
    expect(await remembered()).toMatchObject({ via: 'local' })
    await stopCore(core)
  })

  it('answers a server check from where the server answers now', async () => {
    const core = await startCore()
    await pickAtHomeThenLeave(core)
    const checked = await core.api['server.check']({})
    expect(checked.ok && checked.value.machineIdentifier).toBe(demo.machineIdentifier)
    expect(moves()).toHaveLength(1)
    await stopCore(core)
  })

  it('still shows what it told the owner after a restart, until dismissed', async () => {
    const core = await startCore()
    const kept = await core.api['notices.recent']({})
    expect(kept.map(notice => notice.kind)).toContain('connectionChanged')
    for (const notice of kept) {
      await core.api['notices.dismiss']({ id: notice.id })
    }
    await stopCore(core)
    const again = await startCore()
    const ids = (await again.api['notices.recent']({})).map(notice => notice.id)
    expect(ids.filter(id => kept.some(notice => notice.id === id))).toEqual([])
    await stopCore(again)
  })

  it('says in one line why nothing answers when plex.tv cannot be asked, and asks it once a minute at most', async () => {
    const core = await startCore()
    await pickAtHomeThenLeave(core)
    demo.faults.plexTvDown(true)
    const pulled = await core.api['remote.pull']({})
    demo.faults.plexTvDown(false)
    const message = pulled.ok ? '' : pulled.error.message
    expect(pulled.ok ? null : pulled.error.kind).toBe('unreachable')
    expect(message).toMatch(
      new RegExp(
        `^hush-demo did not answer at http://${lanHost} \\(GET .*\\); Hush could not ask plex.tv for its other addresses: .*503`,
      ),
    )
    expect(message).not.toContain('\n')
    expect(message).not.toContain(demo.token)
    // plex.tv answers again, but the last answer stands for a minute: no lookup at every poll.
    const again = await core.api['remote.pull']({})
    expect(again.ok ? '' : again.error.message).toBe(message)
    expect(await remembered()).toMatchObject({ url: `http://${lanHost}`, via: 'local' })
    expect((await core.api['remote.logSource']({})).lastError).toBe(message)
    await stopCore(core)
  })

  it('never moves a server Hush was not given by plex.tv', async () => {
    await network('home')
    const core = await startCore()
    const lan = `http://${lanHost}`
    expect((await core.api['server.connect']({ url: lan, token: demo.token })).ok).toBe(true)
    await network('away')
    const checked = await core.api['server.check']({})
    expect(checked.ok ? null : checked.error.kind).toBe('unreachable')
    expect(moves()).toEqual([])
    expect((await core.api['server.list']({})).find(s => s.active)?.url).toBe(lan)
    await stopCore(core)
  })
})
