import type { IpcRendererEvent } from 'electron'
import type { ApiEvent, ApiEvents, PrivacyBridge } from '../common/api/contract'

/** The part of Electron's ipcRenderer the preload uses (a fake stands in for it in tests). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown
  removeListener(
    channel: string,
    listener: (event: IpcRendererEvent, ...args: unknown[]) => void,
  ): unknown
}

/**
 * The bridge the preload exposes as `window.privacy`: `call` and `on` (which returns an
 * unsubscribe function) and nothing else. Method and event names are allow-listed; input is
 * validated again in the main process.
 */
export function createPreloadBridge(
  ipcRenderer: IpcRendererLike,
  methodNames: readonly string[],
  eventNames: readonly string[],
): PrivacyBridge {
  const methods = new Set(methodNames)
  const events = new Set(eventNames)
  return {
    call: (method, input) => {
      if (!methods.has(method)) {
        return Promise.reject(new Error(`unknown method ${method}`))
      }
      return ipcRenderer.invoke(`api:${method}`, input) as never
    },
    on: <E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void) => {
      if (!events.has(event)) {
        throw new Error(`unknown event ${event}`)
      }
      const wrapped = (_event: IpcRendererEvent, payload: unknown) =>
        listener(payload as ApiEvents[E])
      ipcRenderer.on(`evt:${event}`, wrapped)
      return () => {
        ipcRenderer.removeListener(`evt:${event}`, wrapped)
      }
    },
  }
}
