import { ipcMain } from 'electron'
import type { ApiEvents, PrivacyApi } from '../../common/api/contract'
import type { EventHub } from '../../common/util/event-hub'
import { serveIpc, type EventTarget } from './ipc-bridge'
import type { SenderFrameLike } from './trusted-sender'

/**
 * Serves the contract over Electron's own ipcMain: the one file that touches it (eslint.config.js
 * bans it elsewhere). What each handler checks is in ipc-bridge.ts, tested over the fake IPC pair.
 */
export function serveElectronIpc(
  api: PrivacyApi,
  isTrusted: (frame: SenderFrameLike | null) => boolean,
  events: Pick<EventHub<ApiEvents>, 'on'>,
  target: () => EventTarget | undefined,
): () => void {
  return serveIpc(ipcMain, api, isTrusted, events, target)
}
