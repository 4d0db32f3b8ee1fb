import { join } from 'node:path'
import type { ApiEvents, PrivacyApi } from '../../common/api/contract'
import { defaultAppSettings } from '../../common/api/settings-schemas'
import type { Language } from '../../common/i18n/localized-text'
import { createEventHub, type EventHub } from '../../common/util/event-hub'
import { ok } from '../../common/util/result'
import { defaultAccountUrl } from '../account/plex-account-client'
import { openOutboundLog } from '../outbound/outbound-log'
import { createLogPuller } from '../remote/log-puller'
import { findAccountServers } from '../remote/owner-servers'
import { createRemoteAccount } from '../remote/remote-account'
import { httpConfigFor } from '../server/resolve-connection'
import { serverOrigin } from '../server/server-url'
import { recoverInterruptedApply } from '../switches/recover-journal'
import { openSwitchStore, type SwitchStore } from '../switches/switch-store'
import { createCoreWatch, type WatchChoices } from '../watch/core-watch'
import { createSessions, type ActiveSession } from './active-session'
import { createAccountMethods } from './methods/account'
import { createLogMethods } from './methods/log'
import { createNoticeMethods } from './methods/notices'
import { createPreviewMethods } from './methods/preview'
import { createRemoteMethods } from './methods/remote'
import { createServerMethods } from './methods/server'
import { createSettingsMethods } from './methods/settings'
import { createSwitchMethods } from './methods/switches'
import { createVerifyMethods } from './methods/verify'
import { createWatchMethods } from './methods/watch'
import { createOwnerNotices } from './owner-notices'
import type { NamedServer, Notifier, RequestLimits, SecretStore, SettingsStore } from './ports'
import { createResidentTasks } from './resident-tasks'
import { createServerConnections, type StartedDemo } from './server-connections'
import type { Collector } from '../witness/collector'
import { createCoreWitness, witnessChoicesOf } from '../witness/core-witness'
import { connectionEvidence } from '../witness/verify-evidence'

/**
 * How long a core lives: `resident` (the desktop app, `hush serve`: it follows the active server's
 * log, watches it once started, and reconnects to the last server) or `command` (one `hush`
 * command: none of that; its store opens on first use, and it ends the timed exceptions that are
 * due when it opens a session, as no watch does it).
 */
export type CoreLifetime = 'resident' | 'command'

/** What the core needs from its host (the Electron shell, `hush serve`, a CLI command, a test). */
export interface CoreServiceDeps {
  readonly stateDir: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly secrets: SecretStore
  readonly settings: SettingsStore
  /** Starts (or returns) the demo server the core uses for "try the demo"; absent: none. */
  readonly startDemo?: () => Promise<StartedDemo>
  /** Path of a better-sqlite3 build for this runtime (Electron's ABI in the app), if not the default. */
  readonly sqliteBinding?: string
  /** How often the live tail polls the server's Logs folder. */
  readonly tailIntervalMs?: number
  /** Called with errors that reach no caller (a failed background step). */
  readonly onBackgroundError?: (error: unknown) => void
  /** Where what the core tells the owner goes besides `owner.notified` (common/notices). */
  readonly notifier?: Notifier
  /** Default: `resident`. */
  readonly lifetime?: CoreLifetime
  /** The server the host names (the CLI's common options). */
  readonly named?: NamedServer
  readonly limits?: RequestLimits
  /** The language of the core's texts, fixed (the CLI speaks English); default: the owner's. */
  readonly language?: Language
  /** The length of a "minute" of the log-pull schedule (tests shorten it). */
  readonly pullMinuteMs?: number
  /** How often a sign-in asks plex.tv whether the owner approved (default: every second). */
  readonly signInPollMs?: number
  /** How the connection witness samples (default: the collector of this system). */
  readonly collectConnections?: Collector
  /**
   * Where this computer is on the network, and how often a resident core looks (default: its
   * interfaces, every 30 s): tests stand in for a laptop that changes networks.
   */
  readonly network?: { readonly place?: () => string; readonly everyMs?: number }
}

/** The core: the contract's implementation, its push events, and its lifecycle. */
export interface CoreService {
  readonly api: PrivacyApi
  readonly events: EventHub<ApiEvents>
  /**
   * Starts the watch (drift, timed exceptions; new destinations in a resident core) and, in a
   * resident core, reconnects to the last server and starts following its log.
   */
  readonly start: (choices?: WatchChoices) => Promise<void>
  readonly stop: () => Promise<void>
}

/** Composes the core from its parts; nothing here imports Electron. */
export async function createCoreService(deps: CoreServiceDeps): Promise<CoreService> {
  const resident = (deps.lifetime ?? 'resident') === 'resident'
  const report = deps.onBackgroundError ?? (() => {})
  const events = createEventHub<ApiEvents>(report)
  // A command reads the owner's settings only when it needs them (its watch).
  const settings = resident ? await deps.settings.read() : defaultAppSettings
  let language = settings.language
  events.on('settings.changed', changed => (language = changed.language))
  const languageNow = () => deps.language ?? language
  const notices = await createOwnerNotices({
    notifier: deps.notifier,
    events,
    language: languageNow,
    // A resident core keeps them across restarts; a command prints its own and forgets them.
    file: resident ? join(deps.stateDir, 'notices.json') : undefined,
    onError: report,
  })
  const notify = notices.notify
  events.on('server.checked', ({ reachable, message }) => {
    if (!reachable && message) {
      notify({ kind: 'serverUnreachable', reason: message })
    }
  })
  const recover = async (store: SwitchStore) => {
    const interrupted = await recoverInterruptedApply(store)
    if (interrupted !== null) {
      notify(interrupted)
    }
  }
  // An apply killed mid-way (by any face) becomes undoable before anything else runs.
  if (resident) {
    await recover(openSwitchStore(deps.stateDir))
  }
  const outbound = openOutboundLog({
    stateDir: deps.stateDir,
    privacyLevel: settings.privacyLevel as 0 | 1 | 2 | 3,
    retentionDays: resident ? settings.retentionDays : null,
    openAtOnce: resident,
    intervalMs: deps.tailIntervalMs,
    nativeBinding: deps.sqliteBinding,
  })
  const servers = createServerConnections({
    stateDir: deps.stateDir,
    env: deps.env,
    secrets: deps.secrets,
    events,
    startDemo: deps.startDemo,
    named: deps.named,
    limits: deps.limits,
    // The account is made below; a server is only followed once the core runs.
    chooseAgain: serverId => findAccountServers(account, http, serverId),
    onMoved: move => notify({ kind: 'connectionChanged', ...move }),
    preferCloser: resident,
  })
  const endDueExceptions = async (session: ActiveSession) => {
    await recover(session.store)
    // A timed exception (`hush set … --for 2h`) ends at the first use of Hush after its time.
    for (const ended of await session.engine.revertExpired()) {
      notify(
        ended.ok
          ? { kind: 'timedChangeEnded', message: ended.value.message }
          : { kind: 'timedChangeFailed', reason: ended.error.message },
      )
    }
  }
  const plexTvUrl = () =>
    serverOrigin(
      deps.named?.accountUrl ?? deps.env.HUSH_ACCOUNT_URL ?? defaultAccountUrl,
      'the account address (--account-url)',
    )
  const session = createSessions({
    servers,
    stateDir: deps.stateDir,
    // The demo serves the plex.tv account paths itself; a real server's account is on plex.tv.
    accountUrl: server => (server.record.demo ? ok(server.connection.info.url) : plexTvUrl()),
    language: languageNow,
    onOpen: resident ? undefined : endDueExceptions,
  })
  const http = (baseUrl: string, token: string | null) =>
    httpConfigFor(servers.request({}), baseUrl, token)
  const account = createRemoteAccount({
    secrets: deps.secrets,
    accountUrl: plexTvUrl,
    http,
    pollMs: deps.signInPollMs,
  })
  const puller = createLogPuller({
    stateDir: deps.stateDir,
    active: servers.active,
    importFiles: paths => outbound.importFiles(paths),
    intervalMinutes: async () => (await deps.settings.read()).logPullMinutes,
    minuteMs: deps.pullMinuteMs,
    onError: report,
    onPulled: (serverId, ok) => events.emit('remote.pulled', { serverId, ok }),
    follow: servers.follow,
    improve: servers.improve,
  })
  const background = resident
    ? createResidentTasks({
        servers,
        outbound,
        puller,
        events,
        pullMinutes: settings.logPullMinutes,
        network: deps.network,
        onError: report,
      })
    : undefined
  // The second witness: the Plex processes' connections, while connected to a server here.
  const witness = createCoreWitness({ outbound, onError: report, collect: deps.collectConnections })
  let witnessChoices = witnessChoicesOf(settings)
  let watched: { dataDir: string | null } | undefined
  const stopWitnessing = resident
    ? servers.onConnected(server => {
        watched = { dataDir: server.record.dataDir }
        witness.watch(watched.dataDir, witnessChoices).catch(report)
      })
    : () => undefined
  events.on('settings.changed', changed => {
    const next = witnessChoicesOf(changed)
    if (JSON.stringify(next) !== JSON.stringify(witnessChoices)) {
      witnessChoices = next
      if (watched) {
        witness.watch(watched.dataDir, next).catch(report)
      }
    }
  })
  const stopRecorded = outbound.onRecorded((count, newest) =>
    events.emit('log.recorded', { count, newest }),
  )
  const watch = createCoreWatch({
    stateDir: deps.stateDir,
    session,
    onConnected: servers.onConnected,
    outbound: resident ? outbound : undefined,
    events,
    settings: () => deps.settings.read(),
    notify,
    onError: report,
    // A poll that finds no server may mean the owner's computer left home: follow it.
    onServerError: error => {
      report(error)
      servers.follow(error).catch(report)
    },
  })
  const api: PrivacyApi = {
    ...createServerMethods(servers, deps.stateDir, events),
    ...createSwitchMethods({ session, events, notify, changeSignal: deps.limits?.changeSignal }),
    ...createLogMethods(outbound, witness),
    ...createPreviewMethods(session),
    ...createVerifyMethods(session, dataDir =>
      connectionEvidence(
        {
          witness,
          outbound,
          choices: () => witnessChoices,
          collect: deps.collectConnections,
        },
        dataDir,
      ),
    ),
    ...createWatchMethods(session, deps.stateDir),
    ...createSettingsMethods(deps.settings, events),
    ...createAccountMethods(account, deps.limits?.signal),
    ...createRemoteMethods({ account, servers, puller, http, stateDir: deps.stateDir }),
    ...createNoticeMethods(notices),
  }
  return {
    api,
    events,
    start: async choices => {
      // The watch listens before the last server is restored, so it watches it from the start.
      await watch.start(choices)
      if (resident) {
        await servers.restore()
        background?.watchNetwork()
      }
    },
    stop: async () => {
      background?.stop()
      await watch.stop()
      await servers.close()
      await puller.stop(true)
      stopWitnessing()
      witness.stop()
      stopRecorded()
      await notices.flush()
      await outbound.close()
    },
  }
}
