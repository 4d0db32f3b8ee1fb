import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../demo/demo-test-helpers'
import { startDemoServer, type DemoServer } from '../../demo/start-demo-server'
import { createFileSettingsStore } from '../settings/file-settings-store'
import { createCoreService, type CoreService } from '../service/create-core-service'
import { createMemorySecretStore } from '../service/ports'
import { openOutboundLog } from '../outbound/outbound-log'
import { createCoreWitness, plexHostsToResolve } from './core-witness'
import { createLinuxCollector } from './linux-collector'
import { createToolRunner } from './run-tool'

const linux = process.platform === 'linux'

async function until<T>(check: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value !== undefined && value !== false) {
      return value
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting: ${check.toString().slice(0, 300)}`)
    }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
}

describe.runIf(linux)('the core watches the connections of the server on this machine', () => {
  let stateDir: string
  let demo: DemoServer | undefined
  const cores: CoreService[] = []

  /** A resident core in the state folder, as the app and `hush serve` run it. */
  async function startCore(): Promise<CoreService> {
    const settings = createFileSettingsStore(stateDir)
    const core = await createCoreService({
      stateDir,
      env: {},
      secrets: createMemorySecretStore(),
      settings,
      startDemo: async () => {
        demo ??= await startDemoServer({
          dataDir: join(stateDir, 'demo-server'),
          seed: 11,
          backfillHours: 2,
          connections: true,
        })
        return demo
      },
      tailIntervalMs: 200,
    })
    cores.push(core)
    await core.api['settings.update']({ witnessIntervalSeconds: 1 })
    await core.start()
    const connected = await core.api['server.connectDemo']({})
    expect(connected.ok).toBe(true)
    return core
  }

  beforeAll(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'hush-witness-core-'))
  })
  afterAll(async () => {
    for (const core of cores) {
      await core.stop()
    }
    await demo?.close()
    await rm(stateDir, { recursive: true, force: true })
  })

  it('records the relay and a crash upload in the ledger, each once, across a restart', async () => {
    const first = await startCore()
    const relay = await until(async () => {
      const status = await first.api['log.witness']({})
      return status.relay && (status.relay.bytesSent ?? 0) > 0 ? status : undefined
    })
    expect(relay).toMatchObject({ state: 'watching', intervalSeconds: 1 })
    expect(relay.relay).toMatchObject({ process: 'Plex Relay', closedAt: null })
    // The demo says which stand-in plays the relay: the connection is named, not guessed.
    expect(relay.relay?.host).toMatch(/\.plex\.direct$/)

    demo?.faults.advance(40 * 60_000) // a crash upload is due 30 minutes after the start
    const upload = await until(async () => {
      const [latest] = (await first.api['log.witness']({})).crashUploads
      return latest && latest.closedAt !== null ? latest : undefined
    })
    expect(upload.process).toBe('CrashUploader')
    expect(upload.bytesSent).toBeGreaterThan(0)
    expect(upload.bytesSent).toBeLessThanOrEqual(48 * 1024)

    const network = await first.api['log.page']({ witness: 'network', limit: 500 })
    const relays = network.events.filter(e => e.category === 'relay')
    expect(relays).toHaveLength(1)
    expect(relays[0]).toMatchObject({ witness: 'network', method: 'TCP', service: 'Plex Relay' })
    const uploads = await first.api['log.page']({
      witness: 'network',
      category: 'crash-reports',
      limit: 50,
    })
    expect(uploads.events.map(e => e.connection?.process)).toContain('CrashUploader')
    // The log's events are still there, and a filter keeps the witnesses apart.
    const logged = await first.api['log.count']({ witness: 'log' })
    const all = await first.api['log.count']({})
    expect(all.total).toBe(
      logged.total + (await first.api['log.count']({ witness: 'network' })).total,
    )

    // Hush restarts while the relay stays open: the same connection, continued, not stored again.
    await first.stop()
    const second = await startCore()
    await until(async () => (await second.api['log.witness']({})).state === 'watching')
    await new Promise(resolve => setTimeout(resolve, 2_500))
    const again = await second.api['log.page']({ witness: 'network', category: 'relay', limit: 50 })
    expect(again.events).toHaveLength(1)
    expect(again.events[0]?.connection?.closedAt).toBeNull()

    // Relay off: the witness sees the tunnel close.
    await call(demo as DemoServer, '/:/prefs?RelayEnabled=0', { method: 'PUT' })
    const closed = await until(async () => {
      const status = await second.api['log.witness']({})
      return status.relay?.closedAt ? status.relay : undefined
    })
    expect(Date.parse(closed.closedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(closed.lastSeen))
  }, 60_000)
})

describe('the names Hush looks up for connections', () => {
  it('asks the DNS nothing by default, and says each lookup as its own outbound call when allowed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hush-witness-names-'))
    const outbound = openOutboundLog({ stateDir: dir })
    const asked: string[] = []
    const witness = createCoreWitness({
      outbound,
      collect: () => Promise.resolve({ sockets: [], notices: [] }),
      platform: 'linux',
      resolve: host => {
        asked.push(host)
        return Promise.resolve(['127.0.0.9'])
      },
    })
    try {
      const choices = { enabled: true, intervalSeconds: 2, resolvePlexHosts: false }
      await witness.watch(dir, choices)
      expect(asked).toEqual([])
      expect(witness.status()).toMatchObject({ state: 'watching', ownCalls: [] })

      await witness.watch(dir, { ...choices, resolvePlexHosts: true })
      expect(asked).toEqual([...plexHostsToResolve])
      expect(witness.status().ownCalls).toContain(
        "Hush looked up plex.tv in the DNS to name the server's connections",
      )
      // Off in the settings: nothing is watched, and the status says so.
      await witness.watch(dir, { ...choices, enabled: false })
      expect(witness.status().state).toBe('off')
      await witness.watch(null, choices)
      expect(witness.status().state).toBe('notLocal')
    } finally {
      witness.stop()
      await outbound.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe.runIf(linux)('the witness through faults, as the core runs it', () => {
  it('keeps going without ss and through a failed sample: each said once, nothing stored twice', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hush-witness-faults-'))
    const demo = await startDemoServer({
      dataDir: join(dir, 'demo'),
      seed: 11,
      backfillHours: 1,
      connections: true,
    })
    const outbound = openOutboundLog({ stateDir: join(dir, 'state') })
    const run = createToolRunner({ timeoutMs: 4_000 })
    // A machine without iproute2: asking for ss finds no such program.
    const linux = createLinuxCollector({
      runTool: (command, args) => run(command === 'ss' ? 'ss-not-installed-here' : command, args),
    })
    let samples = 0
    const witness = createCoreWitness({
      outbound,
      platform: 'linux',
      collect: async () => {
        samples += 1
        if (samples === 3 || samples === 5) {
          throw new Error('the process exited between two reads')
        }
        return linux()
      },
    })
    try {
      await witness.watch(demo.dataDir, {
        enabled: true,
        intervalSeconds: 1,
        resolvePlexHosts: false,
      })
      const relay = await until(() => {
        const status = witness.status()
        return Promise.resolve(status.relay && samples >= 7 ? status : undefined)
      })
      // The relay is seen without bytes and stays open through the failed samples (a failure
      // closes nothing); each trouble is said once.
      expect(relay.relay).toMatchObject({ process: 'Plex Relay', closedAt: null, bytesSent: null })
      const failed = relay.notices.filter(n => n.includes('a sample of the connections failed'))
      expect(failed).toHaveLength(1)
      expect(relay.notices.filter(n => /\bss\b/.test(n))).toHaveLength(1)
      expect(outbound.count({ witness: 'network', category: 'relay' })).toBe(1)
    } finally {
      witness.stop()
      await outbound.close()
      await demo.close()
      await rm(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
