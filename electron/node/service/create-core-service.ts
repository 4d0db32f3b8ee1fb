import { join } from 'node:path'
import type { ApiEvents, PrivacyApi } from '../../common/api/contract'
import { createEventHub, type EventHub } from '../../common/util/event-hub'
import { defaultAccountUrl } from '../account/plex-account-client'
import { openOutboundLog, type OutboundLog } from '../outbound/outbound-log'
import { recoverInterruptedApply } from '../switches/recover-journal'
import { openSwitchStore } from '../switches/switch-store'
import { createCoreWatch } from '../watch/core-watch'
import { createActiveBoard } from './active-session'
import { createLogMethods } from './methods/log'
import type { Notifier, SecretStore, SettingsStore } from './ports'
import { createPreviewMethods } from './methods/preview'
import { createServerService, type StartedDemo } from './server-connections'
import { createSettingsMethods } from './methods/settings'
import { createSwitchMethods } from './methods/switches'

/** What the core needs from its host (the Electron shell, `hush serve`, or a test). */
export interface CoreServiceDeps {
  readonly stateDir: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly secrets: SecretStore
  readonly settings: SettingsStore
  /** Starts (or returns) the demo server the core uses for "try the demo". */
  readonly startDemo: () => Promise<StartedDemo>
  /** Path of a better-sqlite3 build for this runtime (Electron's ABI in the app), if not the default. */
  readonly sqliteBinding?: string
  /** How often the live tail polls the server's Logs folder. */
  readonly tailIntervalMs?: number
  /** Called with errors that reach no caller (a failed background step). */
  readonly onBackgroundError?: (error: unknown) => void
  /** Desktop notifications for drift, ended timed changes and new destinations (the app only). */
  readonly notifier?: Notifier
  /** Told one line the owner should read at start (an apply that was interrupted). */
  readonly onNote?: (message: string) => void
}

/** The core: the contract's implementation, its push events, and its lifecycle. */
export interface CoreService {
  readonly api: PrivacyApi
  readonly events: EventHub<ApiEvents>
  /** Reconnects to the last server and starts following its log. */
  readonly start: () => Promise<void>
  readonly stop: () => Promise<void>
}

/** Composes the core from its parts; nothing here imports Electron. */
export async function createCoreService(deps: CoreServiceDeps): Promise<CoreService> {
  const report = deps.onBackgroundError ?? (() => {})
  const events = createEventHub<ApiEvents>(report)
  // An apply killed mid-way (by any face) becomes undoable before anything else runs.
  const interrupted = await recoverInterruptedApply(openSwitchStore(deps.stateDir))
  if (interrupted !== null) {
    deps.onNote?.(interrupted)
    deps.notifier?.notify('Hush', interrupted)
  }
  const settings = await deps.settings.read()
  const outbound: OutboundLog = openOutboundLog({
    stateDir: deps.stateDir,
    privacyLevel: settings.privacyLevel as 0 | 1 | 2 | 3,
    retentionDays: settings.retentionDays,
    intervalMs: deps.tailIntervalMs,
    nativeBinding: deps.sqliteBinding,
  })
  const servers = createServerService({
    stateDir: deps.stateDir,
    env: deps.env,
    secrets: deps.secrets,
    events,
    startDemo: deps.startDemo,
  })
  // The demo serves the plex.tv account paths itself; a real server's account is on plex.tv.
  let language = settings.language
  events.on('settings.changed', changed => (language = changed.language))
  const board = createActiveBoard(
    servers,
    deps.stateDir,
    server =>
      server.record.demo
        ? server.connection.info.url
        : (deps.env.HUSH_ACCOUNT_URL ?? defaultAccountUrl),
    () => language,
  )
  const stopConnected = servers.onConnected(server => {
    if (server.record.dataDir !== null) {
      outbound.follow(join(server.record.dataDir, 'Logs')).catch(report)
    }
  })
  const stopRecorded = outbound.onRecorded((count, newest) =>
    events.emit('log.recorded', { count, newest }),
  )
  const watch = createCoreWatch({
    stateDir: deps.stateDir,
    board,
    onConnected: servers.onConnected,
    outbound,
    events,
    settings: () => deps.settings.read(),
    notifier: deps.notifier,
    onError: report,
  })
  const api: PrivacyApi = {
    ...servers.methods,
    ...createSwitchMethods(board, events),
    ...createLogMethods(outbound),
    ...createPreviewMethods(board),
    ...createSettingsMethods(deps.settings, events),
    ...watch.methods,
  }
  return {
    api,
    events,
    start: async () => {
      // The watch listens before the last server is restored, so it watches it from the start.
      await watch.start()
      await servers.restore()
    },
    stop: async () => {
      await watch.stop()
      stopConnected()
      stopRecorded()
      await outbound.close()
    },
  }
}
