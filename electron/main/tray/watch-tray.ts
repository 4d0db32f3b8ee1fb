import type { PrivacyApi } from '../../common/api/contract'
import type { Language } from '../../common/i18n/localized-text'
import type { TrayState } from '../../common/tray/tray-types'
import type { CoreService } from '../../node/service/create-core-service'
import { createTrailingGate } from './trailing-gate'
import type { TrayController } from './tray-controller'
import { readTrayState } from './tray-state'

/** How often the tray reads the connection witness again. */
export interface TrayTiming {
  /** While the witness watches: the relay's bytes grow and its close shows without an event. */
  readonly witnessEveryMs: number
  /** After new events: at most one read per this gap, the last of a burst never dropped. */
  readonly recordedGapMs: number
}

/** Every 30 s while watching; after new events, at most every 5 s. */
export const trayTiming: TrayTiming = { witnessEveryMs: 30_000, recordedGapMs: 5_000 }

/**
 * Keeps the tray in step with the core: all of it on every change that can move a switch or the
 * server; the witness line (the relay, the latest crash upload) on new events and, while the
 * witness watches, on a timer, since a connection that closes or whose bytes grow records no
 * event. Reading the witness never asks the server. Returns a function that stops it.
 */
export function watchTray(
  tray: TrayController | null,
  core: CoreService,
  api: PrivacyApi,
  timing: TrayTiming = trayTiming,
): () => void {
  let shown: { state: TrayState; language: Language } | null = null
  const refresh = async () => {
    const language = (await api['settings.get']({})).language
    const state = await readTrayState(api)
    shown = { state, language }
    tray?.render(state, language)
  }
  const refreshWitness = async () => {
    if (!shown?.state.reachable) {
      return
    }
    const witness = await api['log.witness']({})
    // Merged into what is shown once read: a full refresh in between keeps its switches.
    const { state, language } = shown
    shown = { state: { ...state, witness, now: new Date().toISOString() }, language }
    tray?.render(shown.state, language)
  }
  const witnessSoon = createTrailingGate(timing.recordedGapMs, () => void refreshWitness())
  void refresh()
  const stops = (
    ['switches.changed', 'server.checked', 'settings.changed', 'drift.detected'] as const
  ).map(event => core.events.on(event, () => void refresh()))
  stops.push(core.events.on('log.recorded', witnessSoon.poke))
  const timer = setInterval(() => {
    if (shown?.state.witness?.state === 'watching') {
      void refreshWitness()
    }
  }, timing.witnessEveryMs)
  timer.unref()
  return () => {
    stops.forEach(stop => stop())
    clearInterval(timer)
    witnessSoon.stop()
  }
}
