import type { PrivacyApi } from '../../common/api/contract'
import type { CoreService } from '../../node/service/create-core-service'
import type { TrayController } from './tray-controller'
import { readTrayState } from './tray-state'

/** Keeps the tray in step with the core: on every change that can move a switch or the server. */
export function watchTray(tray: TrayController | null, core: CoreService, api: PrivacyApi): void {
  const refresh = async () => {
    const language = (await api['settings.get']({})).language
    tray?.render(await readTrayState(api), language)
  }
  void refresh()
  for (const event of [
    'switches.changed',
    'server.checked',
    'settings.changed',
    'drift.detected',
  ] as const) {
    core.events.on(event, () => void refresh())
  }
  // New events or connections (the relay opening, a crash upload): at most every 30 s.
  let last = 0
  core.events.on('log.recorded', () => {
    if (Date.now() - last >= 30_000) {
      last = Date.now()
      void refresh()
    }
  })
}
