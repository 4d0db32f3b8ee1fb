import type { IpcRendererEvent } from 'electron'
import type { IpcMainLike } from './ipc-bridge'
import type { SenderFrameLike } from './trusted-sender'

type RendererListener = (event: IpcRendererEvent, ...args: unknown[]) => void

/** The renderer side of the fake: the same shape as the preload's IpcRendererLike. */
export interface FakeIpcRenderer {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: RendererListener): void
  removeListener(channel: string, listener: RendererListener): void
}

/**
 * An in-memory stand-in for Electron's ipcMain/ipcRenderer pair. Electron cannot run on our
 * machines, so this is the one place a fake is right: it carries calls exactly as Electron does
 * (invoke → handle, send → on) between a "window" frame and the main process.
 */
export function createFakeIpc(frame: SenderFrameLike) {
  const handlers = new Map<
    string,
    (event: { senderFrame: SenderFrameLike }, ...args: unknown[]) => unknown
  >()
  const listeners = new Map<string, Set<(event: IpcRendererEvent, ...args: unknown[]) => void>>()
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) {
        throw new Error(`second handler for ${channel}`)
      }
      handlers.set(channel, listener as never)
    },
    removeHandler: channel => {
      handlers.delete(channel)
    },
  }
  const rendererFor = (sender: SenderFrameLike): FakeIpcRenderer => ({
    invoke: async (channel, ...args) => {
      const handler = handlers.get(channel)
      if (!handler) {
        throw new Error(`No handler registered for '${channel}'`)
      }
      // Electron passes values by structured clone: a JSON round trip is a close stand-in.
      const cloned = JSON.parse(JSON.stringify(args)) as unknown[]
      return JSON.parse(
        JSON.stringify((await handler({ senderFrame: sender }, ...cloned)) ?? null),
      ) as unknown
    },
    on: (channel, listener) => {
      let set = listeners.get(channel)
      if (!set) {
        set = new Set()
        listeners.set(channel, set)
      }
      set.add(listener)
    },
    removeListener: (channel, listener) => {
      listeners.get(channel)?.delete(listener)
    },
  })
  return {
    ipcMain,
    ipcRenderer: rendererFor(frame),
    rendererFor,
    handlerCount: () => handlers.size,
    listenerCount: (channel: string) => listeners.get(channel)?.size ?? 0,
    window: {
      send: (channel: string, payload: unknown) => {
        for (const listener of listeners.get(channel) ?? []) {
          listener({} as IpcRendererEvent, JSON.parse(JSON.stringify(payload)))
        }
      },
      isDestroyed: () => false,
    },
  }
}
