import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiEventNames, apiMethodNames } from '../../common/api/contract'
import { createCoreService } from '../../node/service/create-core-service'
import { createMemorySecretStore } from '../../node/service/ports'
import { createFileSettingsStore } from '../../node/settings/file-settings-store'
import { createPreloadBridge } from '../../preload/preload-bridge'
import { deferApi } from '../ipc/defer-api'
import { deferEvents } from '../ipc/defer-events'
import { createFakeIpc } from '../ipc/fake-ipc'
import { serveIpc } from '../ipc/ipc-bridge'
import { isTrustedSender } from '../ipc/trusted-sender'
import { menuLabels } from '../tray/tray-menu'
import { startFailureFile, startFailureText, startFailureTrayItems } from './start-failure-view'
import { startStep, toStartFailure, withDeadline, type StartFailure } from './start-steps'
import { closeAction } from './window-close'

// The desktop app's start, as launch-desktop.ts wires it, with Electron's IPC faked at its
// boundary: a core that really fails to open its store, the deferred API the window calls, and
// what the window and the tray show about it.
describe('a desktop start whose core fails', () => {
  let stateDir = ''
  let failure: StartFailure
  let core: Promise<never>

  beforeAll(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'hush-start-'))
    // A SQLite module that is not one: what a package built for the wrong runtime amounts to.
    const binding = join(stateDir, 'better_sqlite3.node')
    await writeFile(binding, 'not a native module')
    core = startStep('store', () =>
      createCoreService({
        stateDir,
        env: {},
        secrets: createMemorySecretStore(),
        settings: createFileSettingsStore(stateDir),
        startDemo: () => Promise.reject(new Error('no demo here')),
        sqliteBinding: binding,
      }),
    ).then(() => {
      throw new Error('the core started with a broken SQLite module')
    })
    failure = await core.catch(toStartFailure)
  })
  afterAll(() => rm(stateDir, { recursive: true, force: true }))

  it('names the step that broke and the reason in one line', () => {
    expect(failure.step).toBe('store')
    expect(failure.message).not.toContain('\n')
    expect(failure.message.length).toBeGreaterThan(10)
  })

  it('answers every IPC call from the window with the reason instead of waiting', async () => {
    const frame = { url: 'app://hush/index.html' }
    const ipc = createFakeIpc(frame)
    const api = deferApi(core)
    serveIpc(
      ipc.ipcMain,
      api,
      f => isTrustedSender(f, frame),
      deferEvents(core),
      () => ipc.window,
    )
    const bridge = createPreloadBridge(ipc.ipcRenderer, apiMethodNames, apiEventNames)
    const timeout = new Promise(resolve => setTimeout(() => resolve('still waiting'), 2_000))
    for (const call of [
      bridge.call('settings.get', {}),
      bridge.call('server.list', {}),
      bridge.call('switches.status', {}),
    ]) {
      const outcome = await Promise.race([
        call.then(
          () => 'answered',
          (e: Error) => e,
        ),
        timeout,
      ])
      expect(outcome).toBeInstanceOf(Error)
      expect((outcome as Error).message).toContain('better_sqlite3.node')
    }
    expect(() => bridge.on('switches.changed', () => undefined)).not.toThrow()
  })

  it('shows the window a page with what failed, the reason and what to do, in both languages', () => {
    const page = startFailureFile('/start-failure.html', failure, 'en', stateDir)
    expect(page?.type).toMatch(/^text\/html/)
    expect(page?.body).toContain('Hush could not start')
    expect(page?.body).toContain('local log of outbound data')
    expect(page?.body).toContain('better_sqlite3.node')
    expect(page?.body).toMatch(/Install Hush again from the releases page/)
    expect(page?.body).toContain('href="start-failure.css"')
    expect(startFailureFile('/start-failure.css', failure, 'en', stateDir)?.type).toMatch(
      /^text\/css/,
    )
    expect(startFailureFile('/index.html', failure, 'en', stateDir)).toBeNull()
    const chinese = startFailureFile('/start-failure.html', failure, 'zh', stateDir)
    expect(chinese?.body).toContain('Hush 无法启动')
    expect(chinese?.body).toContain('lang="zh-Hans"')
  })

  it('gives the tray a menu with the reason, a way to the window, and Quit', () => {
    const items = startFailureTrayItems(failure, 'en', stateDir)
    expect(menuLabels(items)).toEqual([
      'Hush could not start',
      startFailureText(failure, 'en', stateDir).what,
      'Show what happened',
      'Quit Hush',
    ])
    expect(items.find(item => item.id === 'quit')).toMatchObject({
      enabled: true,
      action: { kind: 'quit' },
    })
  })

  it('quits when the window is closed, with or without a tray', () => {
    expect(closeAction({ quitting: false, hasTray: true, failed: true })).toBe('quit')
    expect(closeAction({ quitting: false, hasTray: false, failed: true })).toBe('quit')
  })
})

describe('the start steps', () => {
  it('turns a core that never finishes starting into a deadline failure', async () => {
    const never = new Promise<never>(() => undefined)
    const error: unknown = await withDeadline(never, 50).catch((e: unknown) => e)
    expect(toStartFailure(error)).toEqual({
      step: 'deadline',
      message: 'the core did not start within 0.05 s',
    })
  })

  it('keeps the first step that failed when steps are nested, and one line of its message', async () => {
    const error: unknown = await startStep('core', () =>
      startStep('settings', () => {
        throw new Error('settings.json: Unexpected token\n    at JSON.parse (<anonymous>)')
      }),
    ).catch((e: unknown) => e)
    expect(toStartFailure(error)).toEqual({
      step: 'settings',
      message: 'settings.json: Unexpected token',
    })
  })

  it('passes a started value through untouched', async () => {
    await expect(
      withDeadline(
        startStep('core', () => 42),
        1_000,
      ),
    ).resolves.toBe(42)
  })
})

describe('what the window and the tray say', () => {
  const failure = { step: 'core' as const, message: 'boom <script>alert(1)</script>' }

  it('escapes the reason in the page and masks anything that looks like a token', () => {
    const page = startFailureFile('/start-failure.html', failure, 'en', '/state')?.body ?? ''
    expect(page).not.toContain('<script>')
    expect(page).toContain('&lt;script&gt;')
    const token = startFailureText(
      { step: 'core', message: 'GET http://10.0.0.2:32400/?X-Plex-Token=abcdefghij0123456789xyz' },
      'en',
      '/state',
    )
    expect(token.reason).not.toContain('abcdefghij0123456789xyz')
  })

  it('tells the owner to start again, where the state folder is, and of the browser dashboard', () => {
    const text = startFailureText(failure, 'en', '/home/o/.config/Hush')
    expect(text.todo.join(' ')).toContain('/home/o/.config/Hush')
    expect(text.todo.join(' ')).toContain('hush serve')
  })

  it('hides the window to the tray only while the core runs and a tray exists', () => {
    expect(closeAction({ quitting: false, hasTray: true, failed: false })).toBe('hide')
    expect(closeAction({ quitting: false, hasTray: false, failed: false })).toBe('quit')
    expect(closeAction({ quitting: true, hasTray: true, failed: false })).toBe('close')
  })
})
