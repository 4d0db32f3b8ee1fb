import { spawn } from 'node:child_process'
import { createServer, type Socket } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createHelperLauncher, type HelperLauncher } from '../../demo/helper-processes'
import { call, startTestDemo } from '../../demo/demo-test-helpers'
import { helperProgram } from '../../demo/helper-program'
import type { DemoConnection } from '../../demo/sent-record'
import { createConnectionSampler } from './connection-sampler'
import { createLinuxCollector, ownerHiddenHint } from './linux-collector'
import { createToolRunner } from './run-tool'
import { bundleCollector, type CollectorChild } from './testing/collector-child'

const linux = process.platform === 'linux'
const root = linux && process.getuid?.() === 0
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup()
  }
})

async function until<T>(check: () => T | undefined | false, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = check()
    if (value !== undefined && value !== false) {
      return value
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting: ${check.toString().slice(0, 200)}`)
    }
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

/** A loopback listener that answers each line with 512 bytes. */
async function listener(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>()
  const server = createServer(socket => {
    sockets.add(socket)
    socket.on('data', () => socket.write(Buffer.alloc(512)))
    socket.on('error', () => undefined)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const at = server.address()
  return {
    port: typeof at === 'object' && at ? at.port : 0,
    close: async () => {
      sockets.forEach(s => s.destroy())
      await new Promise(resolve => server.close(resolve))
    },
  }
}

describe.runIf(linux)('the Linux witness, against real processes', () => {
  it('records the demo relay and crash uploader with names and bytes, and sees the relay stop', async () => {
    const { demo, cleanup } = await startTestDemo({ connections: true })
    cleanups.push(cleanup)
    const sampler = createConnectionSampler({
      collect: createLinuxCollector(),
      intervalSeconds: 0.25,
    })
    sampler.start()
    cleanups.push(() => sampler.stop())
    demo.faults.advance(40 * 60_000) // a crash upload is due 30 minutes after the start

    const relay = await until(
      () => demo.sent().find(r => r.flow === 'relay' && r.connection?.localPort)?.connection,
    )
    const upload = await until(
      () => demo.sent().find(r => r.flow === 'crash-upload' && r.connection?.localPort)?.connection,
    )
    const flowOf = (c: DemoConnection) =>
      sampler
        .flows()
        .find(
          f => f.pid === c.pid && f.local.port === c.localPort && f.remote.port === c.remotePort,
        )
    const relayFlow = await until(() => {
      const flow = flowOf(relay)
      return flow && (flow.bytesSent ?? 0) > 2_048 ? flow : undefined
    })
    expect(relayFlow).toMatchObject({
      processId: 'relay',
      processLabel: 'Plex Relay',
      attributedBy: 'process',
      protocol: 'tcp',
      remote: { address: relay.remoteAddress, port: relay.remotePort },
      state: 'ESTABLISHED',
    })
    const uploadFlow = await until(() => flowOf(upload), 30_000)
    expect(uploadFlow).toMatchObject({ processId: 'crash-uploader', processLabel: 'CrashUploader' })
    // The upload ends (its process exits) and the witness closes its flow, having counted at least
    // its first 12 KiB part (a young connection's bytes are read every sample).
    await until(() => flowOf(upload)?.closedAt !== undefined)
    expect(flowOf(upload)?.bytesSent).toBeGreaterThanOrEqual(12 * 1024)
    expect(flowOf(upload)?.bytesSent).toBeLessThanOrEqual(48 * 1024)

    await call(demo, '/:/prefs?RelayEnabled=0', { method: 'PUT' })
    const closed = await until(() => {
      const flow = flowOf(relay)
      return flow?.closedAt !== undefined ? flow : undefined
    })
    expect(closed.closedAt).toBeGreaterThanOrEqual(closed.lastSeen)
    // Crash reports off: no CrashUploader connects again, however much time passes.
    await call(demo, '/:/prefs?sendCrashReports=0', { method: 'PUT' })
    const off = Date.now()
    demo.faults.advance(8 * 60 * 60_000)
    await new Promise(resolve => setTimeout(resolve, 1_500))
    // Only this demo's Sentry stand-in counts: another test's helpers may run meanwhile.
    expect(
      sampler
        .flows()
        .filter(
          f =>
            f.processId === 'crash-uploader' &&
            f.remote.port === upload.remotePort &&
            f.firstSeen > off,
        ),
    ).toEqual([])
    expect(
      demo
        .sent()
        .filter(
          r => r.connection?.process === 'CrashUploader' && r.time > demo.now() - 8 * 3_600_000 + 1,
        ),
    ).toEqual([])
    // The witness keeps each flow once, however many samples saw it.
    const keys = sampler
      .flows()
      .map(f => `${f.pid} ${f.local.port} ${f.remote.address}:${f.remote.port}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(sampler.notices().filter(n => n.code === 'collector-failed')).toEqual([])
  }, 60_000)

  it('finds the Plex processes among thousands of sockets, and only them', async () => {
    const target = await listener()
    cleanups.push(target.close)
    // 900 connections from a plain Node process to this one: 1,800 rows in /proc/net/tcp, none of
    // them Plex's (two processes, so that neither needs more than the usual 1,024 open files).
    const crowd = spawn(
      process.execPath,
      [
        '-e',
        `const net = require('node:net'); let open = 0; for (let i = 0; i < 900; i += 1) net.connect(${target.port}, '127.0.0.1', () => { if (++open === 900) console.log('ready') }).on('error', () => {}); process.stdin.on('end', () => process.exit(0)); process.stdin.resume()`,
      ],
      { stdio: ['pipe', 'pipe', 'ignore'] },
    )
    cleanups.push(() => {
      crowd.stdin.end()
      crowd.kill()
    })
    await new Promise(resolve => crowd.stdout.once('data', resolve))
    const launcher = await createHelperLauncher()
    cleanups.push(launcher.close)
    const server = await launcher.start('Plex Media Server')
    server.send({
      op: 'send',
      key: 'k',
      host: '127.0.0.1',
      port: target.port,
      bytes: 900,
      idleMs: 60_000,
    })
    await new Promise<void>(resolve => server.onEvent(e => e.event === 'connected' && resolve()))
    const found = await createLinuxCollector()()
    const ours = found.sockets.filter(s => s.pid === server.pid)
    expect(ours).toHaveLength(1)
    expect(ours[0]).toMatchObject({
      processId: 'server',
      remote: { port: target.port },
      bytesSent: 900,
    })
    expect(found.sockets.some(s => s.pid === process.pid || s.pid === crowd.pid)).toBe(false)
  })

  it('sees a process that becomes a Plex program at the very next sample after it was read under another name', async () => {
    const target = await listener()
    cleanups.push(target.close)
    const launcher = await createHelperLauncher()
    cleanups.push(launcher.close)
    // A shell that waits for a word, then becomes CrashUploader, as a forked child does at exec.
    const child = spawn(
      'sh',
      [
        '-c',
        'read go; exec "$0" -e "$1"',
        await launcher.executable('CrashUploader'),
        helperProgram,
      ],
      { stdio: ['pipe', 'pipe', 'ignore'] },
    )
    cleanups.push(() => {
      child.stdin.end()
      child.kill()
    })
    const collect = createLinuxCollector()
    const before = await collect()
    expect(before.sockets.filter(s => s.pid === child.pid)).toEqual([])
    const connected = new Promise(resolve => child.stdout.once('data', resolve))
    child.stdin.write('go\n')
    child.stdin.write(
      `${JSON.stringify({ op: 'send', key: 'k', host: '127.0.0.1', port: target.port, bytes: 600, idleMs: 60_000 })}\n`,
    )
    await connected
    const after = await collect()
    expect(after.sockets.filter(s => s.pid === child.pid)).toMatchObject([
      { processId: 'crash-uploader', remote: { port: target.port } },
    ])
  })

  it('counts the bytes of a new connection every sample, and of an old one every third', async () => {
    const target = await listener()
    cleanups.push(target.close)
    const launcher = await createHelperLauncher()
    cleanups.push(launcher.close)
    const relay = await launcher.start('Plex Relay')
    relay.send({
      op: 'hold',
      key: 'r',
      host: '127.0.0.1',
      port: target.port,
      hello: 10,
      beatBytes: 1,
      beatMs: 60_000,
    })
    await new Promise<void>(resolve => relay.onEvent(e => e.event === 'connected' && resolve()))
    const runs: number[] = []
    const real = createToolRunner()
    let sample = 0
    const collect = createLinuxCollector({
      runTool: (command, args) => {
        runs.push(sample)
        return real(command, args)
      },
    })
    for (sample = 1; sample <= 7; sample += 1) {
      const found = await collect()
      expect(found.sockets.filter(s => s.pid === relay.pid)).toHaveLength(1)
    }
    expect(runs).toEqual([1, 2, 3, 4, 7])
  })

  it('keeps going while Plex processes come and go between two reads', async () => {
    const launcher = await createHelperLauncher()
    cleanups.push(launcher.close)
    const collect = createLinuxCollector()
    const churn = (async () => {
      for (let i = 0; i < 12; i += 1) {
        const helper = await launcher.start(i % 2 === 0 ? 'CrashUploader' : 'Plex Relay')
        await helper.stop()
      }
    })()
    const samples = []
    while (samples.length < 20) {
      samples.push(await collect())
    }
    await churn
    expect(samples.flatMap(s => s.notices).filter(n => n.code === 'table-unreadable')).toEqual([])
  })

  describe.runIf(root)('with root to stage other users and namespaces', () => {
    let child: CollectorChild
    let launcher: HelperLauncher
    beforeAll(async () => {
      child = await bundleCollector()
      launcher = await createHelperLauncher()
    })
    afterAll(async () => {
      await launcher.close()
      await child.remove()
    })

    it('attributes by uid, and says what would show names, when open files are closed to it', async () => {
      const target = await listener()
      cleanups.push(target.close)
      const server = await launcher.start('Plex Media Server', { uid: 7777, gid: 7777 })
      cleanups.push(server.stop)
      server.send({
        op: 'send',
        key: 'k',
        host: '127.0.0.1',
        port: target.port,
        bytes: 700,
        idleMs: 60_000,
      })
      await new Promise<void>(resolve => server.onEvent(e => e.event === 'connected' && resolve()))
      const sample = await child.collect({ uid: 65534 })
      const ours = sample.sockets.filter(s => s.remote.port === target.port && s.uid === 7777)
      expect(ours).toHaveLength(1)
      expect(ours[0]).toMatchObject({
        attributedBy: 'uid',
        processId: 'server',
        processLabel: 'Plex Media Server (uid 7777)',
        bytesSent: 700,
      })
      expect(ours[0]?.pid).toBeUndefined()
      const hidden = sample.notices.find(n => n.code === 'owner-hidden' && n.subject === 'uid 7777')
      expect(hidden?.message).toContain(`pid ${server.pid}`)
      expect(hidden?.message).toContain(ownerHiddenHint)
    })

    it('records connections without bytes, and says so, when ss is missing', async () => {
      const target = await listener()
      cleanups.push(target.close)
      const relay = await launcher.start('Plex Relay')
      cleanups.push(relay.stop)
      relay.send({
        op: 'hold',
        key: 'r',
        host: '127.0.0.1',
        port: target.port,
        hello: 100,
        beatBytes: 1,
        beatMs: 60_000,
      })
      await new Promise<void>(resolve => relay.onEvent(e => e.event === 'connected' && resolve()))
      const sample = await child.collect({ env: { PATH: '/nonexistent' } })
      const ours = sample.sockets.find(s => s.pid === relay.pid)
      expect(ours).toMatchObject({ processLabel: 'Plex Relay', remote: { port: target.port } })
      expect(ours?.bytesSent).toBeUndefined()
      expect(sample.notices).toContainEqual(
        expect.objectContaining({ code: 'tool-missing', subject: 'ss' }),
      )
    })

    it("reads a container's connections through its own network namespace, bytes included", async () => {
      const link = await launcher.executable('Plex Relay')
      // In a network namespace of its own, the "relay" connects to a listener of its own.
      const program = `const net = require('node:net'); const s = net.createServer(c => { c.on('data', () => {}); c.write(Buffer.alloc(700)) }).listen(0, '127.0.0.1', () => { const c = net.connect(s.address().port, '127.0.0.1', () => c.write(Buffer.alloc(3000))); c.on('data', () => {}) }); process.stdin.on('end', () => process.exit(0)); process.stdin.resume()`
      const contained = spawn(
        'unshare',
        ['-n', 'sh', '-c', 'ip link set lo up && exec "$0" -e "$1"', link, program],
        {
          stdio: ['pipe', 'ignore', 'ignore'],
        },
      )
      cleanups.push(() => {
        contained.stdin.end()
        contained.kill()
      })
      const pid = contained.pid ?? -1
      let sample = await createLinuxCollector()()
      for (
        let i = 0;
        i < 40 && !sample.sockets.some(s => s.pid === pid && s.bytesSent === 3000);
        i += 1
      ) {
        await new Promise(resolve => setTimeout(resolve, 100))
        sample = await createLinuxCollector()()
      }
      const ours = sample.sockets.filter(s => s.pid === pid)
      // Its outgoing side only: the side its own listener accepted is not a connection it made.
      expect(ours).toHaveLength(1)
      expect(ours[0]).toMatchObject({
        processLabel: 'Plex Relay',
        bytesSent: 3000,
        bytesReceived: 700,
      })
      expect(ours[0]?.namespace).toMatch(/^net:\[\d+\]$/)
    })
  })
})
