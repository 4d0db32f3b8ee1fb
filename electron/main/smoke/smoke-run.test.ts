import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiEventNames, apiMethodNames, type PrivacyApi } from '../../common/api/contract'
import { buildTrayModel } from '../../common/tray/tray-model'
import { checkParserWorker } from '../../node/outbound/parse/parser-worker-check'
import { startTestCore, type TestCore } from '../../node/service/testing/test-core'
import { createPreloadBridge } from '../../preload/preload-bridge'
import { deferApi } from '../ipc/defer-api'
import { createFakeIpc } from '../ipc/fake-ipc'
import { serveIpc } from '../ipc/ipc-bridge'
import { isTrustedSender } from '../ipc/trusted-sender'
import { menuLabels } from '../tray/tray-menu'
import { readTrayState } from '../tray/tray-state'
import type { OverviewSnapshot } from './overview-probe'
import { smokeOptions } from './smoke-options'
import { runSmoke, smokeLine, type SmokeProbe, type SmokeReport } from './smoke-run'

// The desktop's parser worker as `npm run build` lays it out beside the main bundle.
const desktopWorker = pathToFileURL(join(process.cwd(), 'dist', 'main', 'outbound-worker.mjs'))

const realClock = {
  now: Date.now,
  sleep: (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)),
}

/**
 * The smoke run's probe with Electron faked at its boundary: a real core and demo server, the
 * real IPC handlers and preload bridge over the fake ipcMain/ipcRenderer pair, a window whose page
 * shows the Overview once the core answers, and the tray menu the real model builds.
 */
async function fakeApp(test: TestCore, api: PrivacyApi = test.core.api) {
  const frame = { url: 'app://hush/index.html' }
  const ipc = createFakeIpc(frame)
  serveIpc(
    ipc.ipcMain,
    api,
    f => isTrustedSender(f, frame),
    test.core.events,
    () => ipc.window,
  )
  const bridge = createPreloadBridge(ipc.ipcRenderer, apiMethodNames, apiEventNames)
  let reads = 0
  const overview = async (): Promise<OverviewSnapshot> => {
    reads += 1
    // The page paints "loading" first, as the renderer does before its first answer.
    if (reads === 1) {
      return { screen: null, badges: 0, busy: true }
    }
    const board = await bridge.call('switches.status', {})
    return { screen: '#/overview', badges: board.ok ? board.value.switches.length : 0, busy: false }
  }
  const connected = await test.core.api['server.connectDemo']({})
  const menu = menuLabels(buildTrayModel(await readTrayState(test.core.api), 'en'))
  const probe: SmokeProbe = {
    windowShown: () => Promise.resolve(),
    connectDemo: () => Promise.resolve(connected.ok ? null : connected.error.message),
    readOverview: overview,
    trayMenu: () => menu,
    call: (method, input) => bridge.call(method, input),
    sqliteBinding: 'bundled',
    parserWorker: () => checkParserWorker(tmpdir(), desktopWorker),
  }
  return probe
}

/** A smoke run of `probe` from now, polling every 10 ms. */
function smoke(probe: SmokeProbe, timeoutMs = 30_000): Promise<SmokeReport> {
  return runSmoke(probe, realClock, { startedAt: Date.now(), timeoutMs, pollMs: 10 })
}

describe('the desktop smoke run, with Electron faked at its boundary', () => {
  let test: TestCore
  beforeAll(async () => {
    test = await startTestCore()
  })
  afterAll(() => test.close())

  it('checks window, Overview, tray, store, parser worker and a switch flipped and undone through IPC', async () => {
    const probe = await fakeApp(test)
    const before = await test.core.api['switches.status']({})
    const report = await smoke(probe)
    expect(report).toMatchObject({ ok: true, failedStep: null })
    expect(report.checked).toMatchObject({
      window: 'shown',
      server: 'built-in demo',
      overview: { screen: '#/overview' },
      tray: { menuItems: expect.any(Number) as number },
      store: { events: expect.any(Number) as number, sqliteBinding: 'bundled' },
      parser: { thread: 'worker', events: 1 },
      switch: { id: 'relay', from: 'on', to: 'off', restored: 'on' },
    })
    expect(report.ms.windowShown).toBeGreaterThanOrEqual(0)
    expect(report.ms.liveValues).toBeGreaterThanOrEqual(report.ms.windowShown ?? 0)
    // The server is as it was: the undo went through.
    const after = await test.core.api['switches.status']({})
    expect(after.ok && after.value.switches).toEqual(before.ok && before.value.switches)
  })

  it('prints one JSON line that says what was checked and the times', async () => {
    const report = await smoke(await fakeApp(test))
    const line = smokeLine(report)
    expect(line).not.toContain('\n')
    expect(JSON.parse(line)).toMatchObject({
      smoke: 'ok',
      checked: { switch: { restored: 'on' } },
      ms: { total: expect.any(Number) as number },
    })
  })

  it('fails at the tray when the desktop has none', async () => {
    const probe = { ...(await fakeApp(test)), trayMenu: () => null }
    const report = await smoke(probe)
    expect(report).toMatchObject({ ok: false, failedStep: 'tray-menu', message: 'no tray icon' })
    expect(JSON.parse(smokeLine(report))).toMatchObject({
      smoke: 'failed',
      failedStep: 'tray-menu',
    })
  })

  it('fails at the window, in time, when it is never shown', async () => {
    const probe = { ...(await fakeApp(test)), windowShown: () => new Promise<void>(() => {}) }
    const report = await smoke(probe, 200)
    expect(report).toMatchObject({ ok: false, failedStep: 'window-shown' })
    expect(report.message).toMatch(/not done within 200 ms/)
  })

  it('fails at the Overview when the window never gets past the first-run screen', async () => {
    const probe = {
      ...(await fakeApp(test)),
      readOverview: () => Promise.resolve({ screen: null, badges: 0, busy: false }),
    }
    const report = await smoke(probe, 300)
    expect(report).toMatchObject({ ok: false, failedStep: 'overview-live' })
  })

  it('fails at the store, with the reason, when the core behind IPC did not start', async () => {
    const broken = deferApi(Promise.reject(new Error('better_sqlite3.node: invalid ELF header')))
    const probe = await fakeApp(test, broken)
    const report = await smoke(probe)
    expect(report).toMatchObject({ ok: false, failedStep: 'overview-live' })
    expect(report.message).toContain('invalid ELF header')
  })

  it('fails, with the reason, when the worker bundle does not load', async () => {
    const missing = pathToFileURL(join(tmpdir(), 'hush-no-such-worker', 'outbound-worker.mjs'))
    const probe = {
      ...(await fakeApp(test)),
      parserWorker: () => checkParserWorker(tmpdir(), missing),
    }
    const report = await smoke(probe)
    expect(report).toMatchObject({ ok: false, failedStep: 'parser-worker' })
    expect(report.message).toMatch(/^the log parser's worker did not start: .*hush-no-such-worker/)
    expect(report.checked).not.toHaveProperty('switch')
  })

  it('fails when the worker starts but hands back nothing of the log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hush-idle-worker-'))
    const idle = join(dir, 'outbound-worker.mjs')
    writeFileSync(
      idle,
      "import { parentPort } from 'node:worker_threads'\nparentPort.postMessage({ type: 'done' })\n",
    )
    try {
      const probe = {
        ...(await fakeApp(test)),
        parserWorker: () => checkParserWorker(tmpdir(), pathToFileURL(idle)),
      }
      const report = await smoke(probe)
      expect(report).toMatchObject({
        ok: false,
        failedStep: 'parser-worker',
        message: "the parser's worker found 0 events in one",
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('fails when there is no worker bundle beside the main bundle', async () => {
    const probe = {
      ...(await fakeApp(test)),
      parserWorker: () => checkParserWorker(tmpdir(), null),
    }
    const report = await smoke(probe)
    expect(report).toMatchObject({
      ok: false,
      failedStep: 'parser-worker',
      message: "the log parser's worker did not start: its bundle is not beside the main bundle",
    })
  })
})

describe('asking for a smoke run', () => {
  it('is off unless --smoke or HUSH_SMOKE=1 asks for it', () => {
    expect(smokeOptions(['electron', '.'], {})).toBeNull()
    expect(smokeOptions(['electron', '.'], { HUSH_SMOKE: '0' })).toBeNull()
    expect(smokeOptions(['hush', '--smoke'], {})).toEqual({
      outFile: null,
      screenshot: null,
      timeoutMs: 120_000,
    })
  })

  it('takes its files and time limit from flags or the environment', () => {
    expect(
      smokeOptions(['hush', '--smoke', '--smoke-out=/tmp/s.json', '--smoke-timeout-ms=5000'], {
        HUSH_SMOKE_SCREENSHOT: '/tmp/s.png',
      }),
    ).toEqual({ outFile: '/tmp/s.json', screenshot: '/tmp/s.png', timeoutMs: 5000 })
    expect(
      smokeOptions([], { HUSH_SMOKE: '1', HUSH_SMOKE_OUT: 'o.json', HUSH_SMOKE_TIMEOUT_MS: 'x' }),
    ).toEqual({ outFile: 'o.json', screenshot: null, timeoutMs: 120_000 })
  })
})
