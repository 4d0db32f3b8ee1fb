import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { createHelperLauncher } from './helper-processes'
import { helperProgram } from './helper-program'
import { call, startTestDemo } from './demo-test-helpers'
import type { DemoServer } from './start-demo-server'
import type { DemoConnection, SentRecord } from './sent-record'

const linux = process.platform === 'linux'
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map(cleanup => cleanup()))
})

/** Waits until `check` gives something, polling; fails after `ms`. */
async function until<T>(check: () => T | undefined | false, ms = 8_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = check()
    if (value !== undefined && value !== false) {
      return value
    }
    if (Date.now() > deadline) {
      throw new Error('timed out waiting')
    }
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function demoWithConnections(): Promise<DemoServer> {
  const started = await startTestDemo({ connections: true })
  cleanups.push(started.cleanup)
  return started.demo
}

const connected = (demo: DemoServer, flow: string): SentRecord | undefined =>
  demo.sent().find(r => r.flow === flow && r.connection?.openedAt !== undefined)

describe('the demo makes real connections for what it sends', () => {
  it.runIf(linux)(
    'holds a relay tunnel from a process named Plex Relay while the relay is on',
    async () => {
      const demo = await demoWithConnections()
      demo.faults.advance(60_000) // the relay's first run is 30 s after the start
      const record = await until(() => connected(demo, 'relay'))
      const relay = record.connection as DemoConnection
      expect(relay.process).toBe('Plex Relay')
      expect(relay.host).toMatch(/^139-162-247-112\.[0-9a-f]{32}\.plex\.direct$/)
      expect(relay.remoteAddress).toMatch(/^127\.0\.0\.\d+$/)
      expect(relay.localPort).toBeGreaterThan(0)
      expect((await readFile(`/proc/${relay.pid}/comm`, 'utf8')).trim()).toBe('Plex Relay')
      await until(() => relay.bytesSent > 2_048)
      expect(relay.bytesReceived).toBe(0)
      expect(record.gates).toEqual([{ setting: 'pref:RelayEnabled', open: true }])
      expect(record.leaked).toBe(false)

      // Turned off as Hush turns it off: the tunnel closes and its process is gone.
      const put = await call(demo, '/:/prefs?RelayEnabled=0', { method: 'PUT' })
      expect(put.status).toBe(200)
      await until(() => relay.closedAt !== undefined)
      await until(() => !alive(relay.pid))
      demo.faults.advance(60 * 60_000)
      await new Promise(resolve => setTimeout(resolve, 700))
      const after = demo
        .sent()
        .filter(r => r.flow === 'relay' && r.connection && r.connection !== relay)
      expect(after).toEqual([])
    },
  )

  it.runIf(linux)('opens a relay tunnel that leaks, recorded as leaked', async () => {
    const demo = await demoWithConnections()
    await call(demo, '/:/prefs?RelayEnabled=0', { method: 'PUT' })
    demo.faults.leak('relay')
    const record = await until(() => connected(demo, 'relay'))
    expect(record.leaked).toBe(true)
    expect(record.gates).toEqual([{ setting: 'pref:RelayEnabled', open: false }])
    expect(alive(record.connection?.pid ?? -1)).toBe(true)
  })

  it.runIf(linux)(
    'uploads each crash report from a CrashUploader process that then exits',
    async () => {
      const demo = await demoWithConnections()
      demo.faults.advance(40 * 60_000) // the first upload is 30 minutes after the start
      const record = await until(() => connected(demo, 'crash-upload'))
      const upload = record.connection as DemoConnection
      expect(upload.process).toBe('CrashUploader')
      expect(upload.host).toBe('o17675.ingest.sentry.io')
      await until(() => upload.closedAt !== undefined)
      expect(upload.bytesSent).toBe(48 * 1024)
      expect(upload.bytesReceived).toBe(512)
      await until(() => !alive(upload.pid))
    },
  )

  it.runIf(linux)(
    "sends the server's requests over keep-alive connections, one per host",
    async () => {
      const demo = await demoWithConnections()
      demo.faults.advance(10 * 60_000)
      const record = await until(() =>
        demo
          .sent()
          .find(r => r.connection?.host === 'plex.tv' && r.connection.openedAt !== undefined),
      )
      const connection = record.connection as DemoConnection
      expect(connection.process).toBe('Plex Media Server')
      const sameHost = demo.sent().filter(r => r.connection === connection)
      expect(sameHost.length).toBeGreaterThan(1)
      await until(() => connection.bytesSent > 0 && connection.bytesReceived > 0)
      // No URL, token or title reaches a stand-in: only filler bytes and their count.
      expect(JSON.stringify(connection)).not.toContain('X-Plex-Token')
      const standIns = demo.connections?.standIns() ?? []
      expect(standIns.map(s => s.host)).toContain('plex.tv')
      expect(new Set(standIns.map(s => s.address)).size).toBe(standIns.length)
    },
  )

  it.runIf(linux)('leaves no helper process behind when the demo closes', async () => {
    const started = await startTestDemo({ connections: true })
    started.demo.faults.advance(40 * 60_000)
    await until(() => (started.demo.connections?.helpers().length ?? 0) >= 2)
    const pids = started.demo.connections?.helpers().map(h => h.pid) ?? []
    expect(pids.every(alive)).toBe(true)
    await started.cleanup()
    expect(pids.filter(alive)).toEqual([])
  })

  it('makes no connection at all unless asked to', async () => {
    const started = await startTestDemo({})
    cleanups.push(started.cleanup)
    started.demo.faults.advance(60 * 60_000)
    expect(started.demo.connections).toBeUndefined()
    expect(started.demo.sent().filter(r => r.connection)).toEqual([])
  })
})

describe('helper processes', () => {
  it.runIf(linux)('exit when the process that started them dies without a word', async () => {
    const launcher = await createHelperLauncher()
    // A stand-in for a demo that is killed: it starts a helper and is then killed with SIGKILL.
    const parent = spawn(
      process.execPath,
      [
        '-e',
        `const c = require('node:child_process').spawn(process.env.HELPER_EXE, ['-e', process.env.HELPER_PROGRAM], { stdio: ['pipe', 'pipe', 'ignore'] }); console.log(c.pid); setInterval(() => {}, 1000)`,
      ],
      {
        env: { ...process.env, HELPER_EXE: process.execPath, HELPER_PROGRAM: helperProgram },
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    )
    const pid = await new Promise<number>(resolve =>
      parent.stdout.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim()))),
    )
    expect(alive(pid)).toBe(true)
    parent.kill('SIGKILL')
    await until(() => !alive(pid))
    await launcher.close()
  })

  it.runIf(linux)('carry the name of the link they were started through', async () => {
    const launcher = await createHelperLauncher()
    cleanups.push(() => launcher.close())
    const helper = await launcher.start('CrashUploader')
    expect(launcher.named).toBe(true)
    expect((await readFile(`/proc/${helper.pid}/comm`, 'utf8')).trim()).toBe('CrashUploader')
    const cmdline = await readFile(`/proc/${helper.pid}/cmdline`, 'utf8')
    expect(cmdline.split('\0')[0]).toMatch(/\/CrashUploader$/)
  })
})
