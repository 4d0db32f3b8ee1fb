import { describe, expect, it } from 'vitest'
import {
  apiMethodNames,
  apiEventNames,
  type ApiEvents,
  type PrivacyApi,
} from '../../common/api/contract'
import { createEventHub } from '../../common/util/event-hub'
import { createPreloadBridge } from '../../preload/preload-bridge'
import { createFakeIpc } from './fake-ipc'
import { serveIpc } from './ipc-bridge'
import { isTrustedSender } from './trusted-sender'

const ownFrame = { url: 'app://hush/index.html' }

/** A contract implementation that records what reached it. */
function recordingApi(received: unknown[]): PrivacyApi {
  return Object.fromEntries(
    apiMethodNames.map(method => [
      method,
      (input: unknown) => {
        received.push({ method, input })
        return Promise.resolve(method === 'settings.get' ? { language: 'en' } : null)
      },
    ]),
  ) as unknown as PrivacyApi
}

function setUp() {
  const received: unknown[] = []
  const events = createEventHub<ApiEvents>()
  const ipc = createFakeIpc(ownFrame)
  const stop = serveIpc(
    ipc.ipcMain,
    recordingApi(received),
    frame => isTrustedSender(frame, ownFrame),
    events,
    () => ipc.window,
  )
  const bridge = createPreloadBridge(ipc.ipcRenderer, apiMethodNames, apiEventNames)
  return { received, events, ipc, stop, bridge }
}

describe('the IPC bridge (main and preload)', () => {
  it('registers one handler per contract method, and removes them all', () => {
    const { ipc, stop } = setUp()
    expect(ipc.handlerCount()).toBe(apiMethodNames.length)
    stop()
    expect(ipc.handlerCount()).toBe(0)
  })

  it('carries a call from the window to the core with parsed input', async () => {
    const { bridge, received } = setUp()
    await bridge.call('log.page', { limit: 50 })
    expect(received).toEqual([{ method: 'log.page', input: { limit: 50 } }])
  })

  it('fills in schema defaults before the core sees the input', async () => {
    const { bridge, received } = setUp()
    await bridge.call('log.page', {})
    expect(received).toEqual([{ method: 'log.page', input: { limit: 200 } }])
  })

  it('refuses a call from a foreign sender before parsing anything', async () => {
    const { ipc, received } = setUp()
    const foreign = createPreloadBridge(
      ipc.rendererFor({ url: 'https://evil.example/' }),
      apiMethodNames,
      apiEventNames,
    )
    await expect(foreign.call('settings.get', {})).rejects.toThrow(/untrusted sender/)
    const lookalike = createPreloadBridge(
      ipc.rendererFor({ url: 'app://hush/index.html' }),
      apiMethodNames,
      apiEventNames,
    )
    await expect(lookalike.call('settings.get', {})).rejects.toThrow(/untrusted sender/)
    expect(received).toEqual([])
  })

  it('refuses input that does not match the contract', async () => {
    const { ipc, received } = setUp()
    await expect(ipc.ipcRenderer.invoke('api:log.page', { limit: 'all' })).rejects.toThrow(
      /invalid input/,
    )
    await expect(
      ipc.ipcRenderer.invoke('api:switches.planProfile', { profile: 'yolo' }),
    ).rejects.toThrow(/invalid input/)
    expect(received).toEqual([])
  })

  it('refuses method and event names outside the contract in the preload', async () => {
    const { bridge } = setUp()
    await expect(bridge.call('shell.openExternal' as never, {} as never)).rejects.toThrow(
      /unknown method/,
    )
    expect(() => bridge.on('anything.happened' as never, () => {})).toThrow(/unknown event/)
  })

  it('forwards push events to the window, and the unsubscribe function stops them', () => {
    const { bridge, events, ipc } = setUp()
    const seen: unknown[] = []
    const off = bridge.on('switches.changed', payload => seen.push(payload))
    events.emit('switches.changed', { reason: 'apply' })
    off()
    events.emit('switches.changed', { reason: 'undo' })
    expect(seen).toEqual([{ reason: 'apply' }])
    expect(ipc.listenerCount('evt:switches.changed')).toBe(0)
  })
})
