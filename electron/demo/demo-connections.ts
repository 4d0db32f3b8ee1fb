import { writeFileSync } from 'node:fs'
import { serializeDemoFacts } from '../common/witness/demo-stand-ins'
import type { DemoWorld } from './demo-world'
import { demoNetwork, plexDirectHash } from './demo-world'
import { createHelperLauncher, type HelperEvent, type HelperProcess } from './helper-processes'
import type { DemoConnection, Gate, SentRecord } from './sent-record'
import { createStandInHosts, type StandIn } from './stand-in-hosts'

/**
 * Real connections for the demo's traffic, so that the operating system can witness them: helper
 * processes named like Plex's ("Plex Media Server", "Plex Relay", "CrashUploader") connect to
 * loopback stand-ins for the hosts (127.0.0.0/8 only) when, and only when, the simulated server
 * sends. The relay holds its tunnel while `RelayEnabled` is on (or the relay is leaking); each
 * crash upload is a CrashUploader process of its own; the server's requests go over keep-alive
 * connections, one per host. Each connection is written into the sent record it carries.
 */

/** What the connections need from the running demo. */
export interface DemoConnectionsOptions {
  readonly world: DemoWorld
  /** The server's simulated time: a record before this (a back-filled history) connects nothing. */
  readonly now: () => number
  readonly machineIdentifier: string
  /** Adds a record to the ground truth (the relay's tunnel opening). */
  readonly record: (record: SentRecord) => void
  /**
   * Where the stand-ins and the helpers' pids are written as they start
   * (common/witness/demo-stand-ins.ts), for the witness to name and pick out this demo's own.
   */
  readonly standInsFile?: string
}

/** The demo's real connections. */
export interface DemoConnections {
  /** Gives a sent record its connection, starting what it needs. */
  readonly observe: (record: SentRecord) => SentRecord
  /** Opens or closes the relay's tunnel to match the settings and faults now. */
  readonly reconcile: () => void
  readonly standIns: () => readonly StandIn[]
  /** The helper processes running now. */
  readonly helpers: () => readonly { readonly name: string; readonly pid: number }[]
  /** Stops every helper (no process outlives the demo) and closes the stand-ins. */
  readonly close: () => Promise<void>
}

/** A connection's record while it lives: filled in as the helper reports. */
type LiveConnection = { -readonly [K in keyof DemoConnection]: DemoConnection[K] }

/** How long a keep-alive connection of the server stays open without requests (MODELLED). */
const idleMs = 5_000
/** The relay's first bytes and its heartbeat (MODELLED: the tunnel's real traffic is unknown). */
const relayHello = 2_048
const relayBeatBytes = 64
const relayBeatMs = 1_000
/**
 * A crash report's size and pace (MODELLED: the dump's size is not in the log): 48 KiB over about
 * three seconds, as an upload over a home line takes, so that a 2 s sample can see it.
 */
const crashUploadBytes = 48 * 1024
const crashUploadChunks = 4
const crashUploadPaceMs = 1_000
/** At most this many crash uploads at once; more wait, and past the queue they make no connection. */
const maxUploads = 2
const maxQueuedUploads = 16

/** Starts the stand-ins and the relay's watch; the server's helper starts with its first request. */
export async function startDemoConnections(
  options: DemoConnectionsOptions,
): Promise<DemoConnections> {
  const launcher = await createHelperLauncher()
  let closing = false
  const standInsFile = options.standInsFile
  // Every helper that ran, kept: a connection may still be sampled as its process exits.
  const helperPids: number[] = []
  const writeFacts = (): void => {
    if (standInsFile !== undefined && !closing) {
      const facts = { standIns: standIns.list(), pids: helperPids.slice(-500) }
      writeFileSync(standInsFile, serializeDemoFacts(facts), { mode: 0o600 })
    }
  }
  const standIns = createStandInHosts(() => writeFacts())
  const since = options.now()
  const helpers = new Set<HelperProcess>()

  /** A connection not yet made: filled in when its helper has started and reports. */
  const planned = (process: string, host: string): LiveConnection => ({
    process,
    pid: -1,
    host,
    remoteAddress: '',
    remotePort: 0,
    bytesSent: 0,
    bytesReceived: 0,
  })
  /** Ties a planned connection to its helper and stand-in; its bytes are what the stand-in counted. */
  const bind = (
    live: LiveConnection,
    helper: HelperProcess,
    key: string,
    standIn: StandIn,
  ): void => {
    live.pid = helper.pid
    live.remoteAddress = standIn.address
    live.remotePort = standIn.port
    const counted = () =>
      live.localPort === undefined ? undefined : standIns.traffic(live.host, live.localPort)
    Object.defineProperties(live, {
      bytesSent: { enumerable: true, get: () => counted()?.received ?? 0 },
      bytesReceived: { enumerable: true, get: () => counted()?.sent ?? 0 },
    })
    // A helper that is stopped or dies closes its connections with it.
    void helper.exited.then(() => {
      live.closedAt ??= Date.now()
    })
    helper.onEvent((event: HelperEvent) => {
      if (event.key !== key) {
        return
      }
      if (event.event === 'connected' && live.localPort === undefined) {
        live.localAddress = event.localAddress
        live.localPort = event.localPort
        live.openedAt = Date.now()
      } else if (event.event === 'closed' && live.closedAt === undefined) {
        live.closedAt = Date.now()
      } else if (event.event === 'failed') {
        live.error = event.message
      }
    })
  }
  const startHelper = async (name: string): Promise<HelperProcess> => {
    const helper = await launcher.start(name)
    helpers.add(helper)
    helperPids.push(helper.pid)
    writeFacts()
    void helper.exited.then(() => helpers.delete(helper))
    return helper
  }

  // The relay: one tunnel while it is wanted.
  const relayHost = (): string => {
    const certificate = options.world.prefs.value('CertificateUUID')
    const hash = plexDirectHash(
      typeof certificate === 'string' ? certificate : undefined,
      options.machineIdentifier,
    )
    return `${demoNetwork.relayAddress.replace(/\./g, '-')}.${hash}.plex.direct`
  }
  let relay: { helper: Promise<HelperProcess>; live: LiveConnection } | undefined
  const relayGate = (): Gate => ({
    setting: 'pref:RelayEnabled',
    open: options.world.prefs.value('RelayEnabled') === true,
  })
  const relayWanted = (): boolean => relayGate().open || options.world.faults.leaks.has('relay')
  const openRelay = (): LiveConnection => {
    const host = relayHost()
    const live = planned('Plex Relay', host)
    const helper = (async () => {
      const [helper, standIn] = await Promise.all([
        startHelper('Plex Relay'),
        standIns.standInFor(host),
      ])
      bind(live, helper, 'relay', standIn)
      helper.send({
        op: 'hold',
        key: 'relay',
        host: standIn.address,
        port: standIn.port,
        hello: relayHello,
        beatBytes: relayBeatBytes,
        beatMs: relayBeatMs,
      })
      return helper
    })()
    relay = { helper, live }
    return live
  }
  const closeRelay = (): void => {
    const current = relay
    relay = undefined
    void current?.helper.then(helper => helper.stop())
  }
  const reconcile = (): void => {
    if (closing) {
      return
    }
    if (relayWanted() && !relay) {
      const gate = relayGate()
      const live = openRelay()
      options.record({
        time: options.now(),
        flow: 'relay',
        method: 'CONNECT',
        url: `https://${live.host}:443`,
        gates: [gate],
        leaked: !gate.open,
        logged: false,
        connection: live,
      })
    } else if (!relayWanted() && relay) {
      closeRelay()
    }
  }
  const watch = setInterval(reconcile, 500)
  watch.unref()

  // Crash uploads: a CrashUploader process each, a few at a time.
  let uploading = 0
  const uploads: (() => void)[] = []
  const nextUpload = (): void => {
    while (uploading < maxUploads && uploads.length > 0 && !closing) {
      uploading += 1
      uploads.shift()?.()
    }
  }
  const upload = (host: string): LiveConnection | undefined => {
    if (uploads.length >= maxQueuedUploads) {
      return undefined
    }
    const live = planned('CrashUploader', host)
    uploads.push(() => {
      void (async () => {
        const [helper, standIn] = await Promise.all([
          startHelper('CrashUploader'),
          standIns.standInFor(host),
        ])
        bind(live, helper, 'upload', standIn)
        // Like the real one, the uploader exits once its report is sent.
        helper.onEvent(event => {
          if (event.event !== 'connected') {
            void helper.stop()
          }
        })
        helper.send({
          op: 'upload',
          key: 'upload',
          host: standIn.address,
          port: standIn.port,
          bytes: crashUploadBytes,
          chunks: crashUploadChunks,
          paceMs: crashUploadPaceMs,
        })
        await helper.exited
        uploading -= 1
        nextUpload()
      })()
    })
    nextUpload()
    return live
  }

  // The server's own requests: keep-alive connections, one per host, fed every 100 ms.
  let server: Promise<HelperProcess> | undefined
  const current = new Map<string, LiveConnection>()
  const keys = new WeakMap<LiveConnection, string>()
  const pending = new Map<string, number>()
  let serial = 0
  const request = (host: string, bytes: number): LiveConnection => {
    let live = current.get(host)
    if (!live || live.closedAt !== undefined) {
      live = planned('Plex Media Server', host)
      current.set(host, live)
    }
    pending.set(host, (pending.get(host) ?? 0) + bytes)
    return live
  }
  const flush = async (): Promise<void> => {
    if (pending.size === 0 || closing) {
      return
    }
    server ??= startHelper('Plex Media Server')
    const helper = await server
    for (const [host, bytes] of [...pending]) {
      pending.delete(host)
      const live = current.get(host)
      if (!live) {
        continue
      }
      const standIn = await standIns.standInFor(host)
      let key = keys.get(live)
      if (key === undefined) {
        serial += 1
        key = `${host}#${serial}`
        keys.set(live, key)
        bind(live, helper, key, standIn)
        helper.onEvent(event => {
          if (event.key === key && event.event === 'closed' && current.get(host) === live) {
            current.delete(host)
          }
        })
      }
      helper.send({ op: 'send', key, host: standIn.address, port: standIn.port, bytes, idleMs })
    }
  }
  const feeder = setInterval(() => void flush(), 100)
  feeder.unref()

  return {
    observe: record => {
      if (closing || record.time < since) {
        return record
      }
      const url = parseUrl(record.url)
      if (record.flow === 'relay') {
        if (!relayWanted()) {
          return record
        }
        return { ...record, connection: relay?.live ?? openRelay() }
      }
      if (
        !url ||
        !/^https?:$/.test(url.protocol) ||
        url.hostname === '127.0.0.1' ||
        url.hostname === 'localhost'
      ) {
        return record // LAN multicast, the router, the loopback plug-in host: no stand-in
      }
      if (record.flow === 'crash-upload' || record.flow === 'crash-retries') {
        const live = upload(url.hostname)
        return live ? { ...record, connection: live } : record
      }
      // A request's size on the wire: its line, headers and body (MODELLED).
      const bytes = record.url.length + (record.body?.length ?? 0) + 300
      return { ...record, connection: request(url.hostname, bytes) }
    },
    reconcile,
    standIns: () => standIns.list(),
    helpers: () => [...helpers].map(h => ({ name: h.name, pid: h.pid })),
    close: async () => {
      closing = true
      clearInterval(watch)
      clearInterval(feeder)
      uploads.length = 0
      await launcher.close()
      await standIns.close()
    },
  }
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}
