import { appError, type AppError } from '../../common/api/errors'
import type { ServerInfo } from '../../common/api/server-schemas'
import type { ApplyReport, Plan, PlanStep, Switchboard } from '../../common/api/switch-schemas'
import type { Language } from '../../common/i18n/localized-text'
import type { ProfileId, SettingValue, SwitchEntry } from '../../common/switches/switch-types'
import { err, ok, type Result } from '../../common/util/result'
import type { PlexAccountClient } from '../account/plex-account-client'
import type { PlexClient } from '../server/plex-client'
import { applyPlan } from './apply-plan'
import { withApplyLock } from './apply-lock'
import { recoverHoldingLock } from './recover-journal'
import { reversePlan } from './reverse-plan'
import { readLiveState, readServerValues, type LiveState } from './live-state'
import { buildPlan, type SwitchPlan, type SwitchWish } from './plan-changes'
import { resolveSwitch, type ResolvedSwitch } from './resolve-targets'
import { switchStatus } from './switch-status'
import type { HistoryEntry, SwitchStore } from './switch-store'
import { createTargetIo } from './target-io'
import { adapterOf, debugLoggingKey, parseTargetKey } from './targets/target-adapters'
import type { TargetReading } from '../observations/state-observations'

/** What the engine needs: a connected server, the account (if reachable), the catalog, the state files. */
export interface SwitchEngineDeps {
  readonly client: PlexClient
  readonly account: PlexAccountClient | null
  readonly catalog: readonly SwitchEntry[]
  readonly store: SwitchStore
  readonly server: ServerInfo
  readonly language?: Language
  readonly now?: () => Date
  /**
   * Told of every value Hush reads or writes, so that verification knows when it saw each switch
   * in each state (see observations/record-readings.ts).
   */
  readonly recordReadings?: (readings: readonly TargetReading[]) => Promise<void>
}

/** Who asked for an apply, for the audit trail and the undo history. */
export interface ApplyOptions {
  readonly force?: boolean
  /** e.g. `apply lockdown`, `set relay off`. */
  readonly command: string
  readonly profile?: ProfileId | null
  /** A timed exception: undo this change after so many seconds (see `revertExpired`). */
  readonly forSeconds?: number
  /** Ctrl-C: stops before the next step and rolls back what was done, as a failure does. */
  readonly signal?: AbortSignal
}

/** The live state of every switch, with the resolved targets kept for planning. */
export interface SwitchReading {
  readonly switchboard: Switchboard
  readonly resolved: readonly ResolvedSwitch[]
  readonly live: LiveState
}

/** The switch engine: read, plan, apply, undo. Every method resolves to a Result. */
export interface SwitchEngine {
  readSwitchStates(): Promise<Result<SwitchReading, AppError>>
  planProfile(profile: ProfileId): Promise<Result<SwitchPlan, AppError>>
  planSet(switchId: string, value: 'on' | 'off'): Promise<Result<SwitchPlan, AppError>>
  applyPlan(plan: Plan, options: ApplyOptions): Promise<Result<ApplyReport, AppError>>
  /**
   * Restores the values from before the last apply or set on this server that is not yet undone
   * (an interrupted one included: see recover-journal.ts).
   */
  undoLast(options?: {
    readonly force?: boolean
    readonly signal?: AbortSignal
  }): Promise<Result<ApplyReport, AppError>>
  /** Undoes the timed exceptions whose time is up; resolves to what each undo did. */
  revertExpired(): Promise<Array<Result<ApplyReport, AppError>>>
  /** This server's undo history, oldest first. */
  history(): Promise<HistoryEntry[]>
}

/** Creates the switch engine for one connected server. */
export function createSwitchEngine(deps: SwitchEngineDeps): SwitchEngine {
  const now = deps.now ?? (() => new Date())
  const language = deps.language ?? 'en'
  const io = createTargetIo(deps.client, deps.account)
  const serverId = deps.server.machineIdentifier
  const byId = new Map(deps.catalog.map(entry => [entry.id, entry]))

  const serverHistory = async () =>
    (await deps.store.history()).filter(entry => entry.serverId === serverId)

  async function read(catalog: readonly SwitchEntry[]): Promise<Result<SwitchReading, AppError>> {
    const live = await readLiveState({ client: deps.client, account: deps.account, now }, catalog)
    if (!live.ok) {
      return live
    }
    const resolved = catalog.map(entry => resolveSwitch(entry, live.value))
    const open = (await serverHistory()).filter(entry => entry.undoneAt === null)
    const last = open.at(-1)
    const openIds = new Set(open.map(entry => entry.id))
    const until = new Map<string, string>()
    for (const exception of await deps.store.exceptions()) {
      const active = exception.serverId === serverId && openIds.has(exception.historyId)
      if (active && Date.parse(exception.until) > now().getTime()) {
        until.set(exception.switchId, exception.until)
      }
    }
    const switches = resolved.map(item => switchStatus(item))
    await deps.recordReadings?.(
      switches.flatMap(status => status.targets.map(t => ({ key: t.key, value: t.value }))),
    )
    return ok({
      live: live.value,
      resolved,
      switchboard: {
        server: deps.server,
        switches: switches.map(status => ({ ...status, until: until.get(status.id) ?? null })),
        profile: last?.profile ?? null,
        readAt: live.value.readAt,
        interrupted: last?.interrupted
          ? {
              title: last.title,
              command: last.command,
              startedAt: last.at,
              changed: last.steps.length,
              of: last.interrupted.of,
            }
          : null,
      },
    })
  }

  async function plan(
    title: string,
    catalog: readonly SwitchEntry[],
    wishFor: (entry: SwitchEntry) => SwitchWish | null,
  ): Promise<Result<SwitchPlan, AppError>> {
    const reading = await read(catalog)
    if (!reading.ok) {
      return reading
    }
    const wishes = reading.value.resolved.flatMap(resolved => {
      const wish = wishFor(resolved.entry)
      return wish === null ? [] : [{ resolved, wish }]
    })
    const remembered = await deps.store.remembered(serverId)
    return ok(buildPlan(title, wishes, reading.value.live.readAt, remembered, language))
  }

  // A library's previous internet agent, and a free-text pref's value, before they were turned off.
  function valuesToRemember(steps: readonly PlanStep[]): Record<string, SettingValue> {
    const remember: Record<string, SettingValue> = {}
    for (const step of steps) {
      const ref = parseTargetKey(step.target)
      const entry = byId.get(step.switchId)
      if (!ref || !entry || step.before === null) {
        continue
      }
      const adapter = adapterOf(ref.kind)
      const before = step.before
      const keeps = entry.targets.some(
        target =>
          target.kind === ref.kind &&
          adapter.matches(target, ref) &&
          adapter.remembers(target, before),
      )
      if (keeps) {
        remember[step.target] = before
      }
    }
    return remember
  }

  function apply(plan: Plan, options: ApplyOptions, recordHistory: boolean, undo = false) {
    return withApplyLock(deps.store.dir, now, async () => {
      // A journal left by a Hush killed mid-apply becomes undoable before this apply starts.
      await recoverHoldingLock(deps.store, now)
      return applyPlan(plan, {
        io,
        store: deps.store,
        serverId,
        command: options.command,
        profile: options.profile ?? null,
        force: options.force ?? false,
        readSnapshotValues: () => readServerValues(deps.client, now),
        recordHistory,
        valuesToRemember,
        now,
        signal: options.signal,
        skipSettled: undo,
        ...(undo
          ? {
              conflictWhat: 'Hush changed them',
              conflictHint: 'pass --force to restore the old values anyway',
            }
          : {}),
      })
    })
  }

  async function undoEntry(
    entry: HistoryEntry,
    force: boolean,
    command: string,
    signal?: AbortSignal,
  ): Promise<Result<ApplyReport, AppError>> {
    const report = await apply(reversePlan(entry, now()), { command, force, signal }, false, true)
    if (!report.ok) {
      return report
    }
    const fresh = await deps.store.history()
    await deps.store.saveHistory(
      fresh.map(candidate =>
        candidate.id === entry.id ? { ...candidate, undoneAt: now().toISOString() } : candidate,
      ),
    )
    const count = report.value.applied.length
    const restored = `${count} value${count === 1 ? '' : 's'} restored`
    return ok({ ...report.value, message: `Undid "${entry.title}" from ${entry.at}: ${restored}.` })
  }

  async function applyAndRecord(plan: Plan, options: ApplyOptions) {
    const report = await apply(plan, options, true)
    if (report.ok && options.forSeconds !== undefined && report.value.snapshotId !== null) {
      const until = new Date(now().getTime() + options.forSeconds * 1000).toISOString()
      const switchIds = [...new Set(report.value.applied.map(step => step.switchId))]
      const exceptions = await deps.store.exceptions()
      for (const switchId of switchIds) {
        exceptions.push({ serverId, switchId, historyId: report.value.snapshotId, until })
      }
      await deps.store.saveExceptions(exceptions)
      return ok({ ...report.value, message: `${report.value.message} Until ${until}.` })
    }
    return report
  }

  /** What an apply or undo left on the server is what Hush last saw there. */
  async function recorded(
    report: Result<ApplyReport, AppError>,
  ): Promise<Result<ApplyReport, AppError>> {
    if (report.ok) {
      const rolledBack = new Set(report.value.rolledBack.map(step => step.target))
      await deps.recordReadings?.([
        ...report.value.applied
          .filter(step => !rolledBack.has(step.target))
          .map(step => ({ key: step.target, value: step.after })),
        ...report.value.rolledBack.map(step => ({ key: step.target, value: step.before })),
      ])
    }
    return report
  }

  return {
    readSwitchStates: () => read(deps.catalog),
    planProfile: profile =>
      plan(`Apply the ${profile} profile`, deps.catalog, entry => {
        const choice = entry.profiles[profile]
        return choice === 'keep' ? null : choice
      }),
    planSet(switchId, value) {
      const entry = byId.get(switchId)
      if (!entry) {
        const known = deps.catalog.map(candidate => candidate.id).join(', ')
        return Promise.resolve(
          err(
            appError('invalidInput', `there is no switch "${switchId}"; known switches: ${known}`),
          ),
        )
      }
      return plan(`Turn ${switchId} ${value}`, [entry], () => value)
    },
    async applyPlan(plan, options) {
      // Once debug logging is off the server's log no longer shows a change: a reading of every
      // switch just before anchors their values at the last moment the log could vouch for them.
      if (plan.steps.some(step => step.target === debugLoggingKey && step.after === false)) {
        await read(deps.catalog)
      }
      return recorded(await applyAndRecord(plan, options))
    },
    async undoLast(options = {}) {
      const history = await deps.store.history()
      const entry = history
        .filter(candidate => candidate.serverId === serverId && candidate.undoneAt === null)
        .at(-1)
      if (!entry) {
        return err(
          appError(
            'nothingToUndo',
            'nothing to undo: Hush has made no change on this server that is not undone already',
          ),
        )
      }
      return recorded(await undoEntry(entry, options.force ?? false, 'undo', options.signal))
    },
    async revertExpired() {
      const exceptions = await deps.store.exceptions()
      const due = exceptions.filter(
        entry => entry.serverId === serverId && Date.parse(entry.until) <= now().getTime(),
      )
      const reports: Array<Result<ApplyReport, AppError>> = []
      for (const exception of due) {
        const entry = (await deps.store.history()).find(item => item.id === exception.historyId)
        if (entry && entry.undoneAt === null) {
          reports.push(await undoEntry(entry, false, `revert ${exception.switchId} (time is up)`))
        }
        const left = (await deps.store.exceptions()).filter(
          item => item !== exception && item.historyId !== exception.historyId,
        )
        await deps.store.saveExceptions(left)
      }
      return reports
    },
    history: serverHistory,
  }
}
