import type { IpcMainInvokeEvent } from 'electron'
import {
  apiEventNames,
  apiMethodNames,
  apiMethods,
  type ApiEvents,
  type PrivacyApi,
} from '../../common/api/contract'
import { invalidInputMessage } from '../../common/api/errors'
import type { EventHub } from '../../common/util/event-hub'
import type { SenderFrameLike } from './trusted-sender'

/** The part of Electron's ipcMain the bridge uses (so a fake can stand in for it in tests). */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, ...args: unknown[]) => unknown,
  ): void
  removeHandler(channel: string): void
}

/** Where events are sent: the window's webContents. */
export interface EventTarget {
  send(channel: string, payload: unknown): void
  isDestroyed(): boolean
}

/** The IPC channel of a contract method; derived, never typed by hand. */
export function methodChannel(method: string): string {
  return `api:${method}`
}

/** The IPC channel of a push event. */
export function eventChannel(event: string): string {
  return `evt:${event}`
}

/**
 * Serves every contract method over `ipcMain.handle`: each handler first checks that the sender is
 * our own window, then parses the input with the contract's schema. Returns a function that
 * removes the handlers and event forwarding.
 */
export function serveIpc(
  ipcMain: IpcMainLike,
  api: PrivacyApi,
  isTrusted: (frame: SenderFrameLike | null) => boolean,
  events: Pick<EventHub<ApiEvents>, 'on'>,
  target: () => EventTarget | undefined,
): () => void {
  for (const method of apiMethodNames) {
    ipcMain.handle(methodChannel(method), async (event, raw) => {
      if (!isTrusted(event.senderFrame)) {
        throw new Error(`refused ${method} from an untrusted sender`)
      }
      const parsed = apiMethods[method].input.safeParse(raw ?? {})
      if (!parsed.success) {
        throw new Error(invalidInputMessage(method, parsed.error))
      }
      const handler = api[method] as (input: unknown) => Promise<unknown>
      return handler(parsed.data)
    })
  }
  const stops = apiEventNames.map(name =>
    events.on(name, payload => {
      const window = target()
      if (window && !window.isDestroyed()) {
        window.send(eventChannel(name), payload)
      }
    }),
  )
  return () => {
    apiMethodNames.forEach(method => ipcMain.removeHandler(methodChannel(method)))
    stops.forEach(stop => stop())
  }
}
