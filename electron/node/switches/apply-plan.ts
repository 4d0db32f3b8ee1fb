import { randomBytes } from 'node:crypto'
import { appError, type AppError } from '../../common/api/errors'
import type { ApplyReport, Plan, PlanStep } from '../../common/api/switch-schemas'
import type { ProfileId, SettingValue } from '../../common/switches/switch-types'
import { err, ok, type Result } from '../../common/util/result'
import { sameSettingValue } from '../server/plex-values'
import { rollBack } from './apply-rollback'
import { snapshotSafeValues } from './snapshot-values'
import { describeValue, writeAndVerify } from './step-io'
import {
  AuditRecorder,
  JournalKeeper,
  pushHistory,
  stripRef,
  type ParsedStep,
} from './apply-records'
import type { SwitchStore } from './switch-store'
import type { TargetIo } from './target-io'
import { parseTargetKey } from './targets/target-adapters'

/** What applying a plan needs. */
export interface ApplyContext {
  readonly io: TargetIo
  readonly store: SwitchStore
  readonly serverId: string
  /** The command that asked for it, for the audit trail: `apply lockdown`, `undo`, … */
  readonly command: string
  readonly profile: ProfileId | null
  /** Overwrite values that changed on the server since the plan was read. */
  readonly force: boolean
  /** Reads every value worth restoring (server prefs, libraries), for the snapshot. */
  readonly readSnapshotValues: () => Promise<Result<Record<string, SettingValue>, AppError>>
  /** Whether to add the apply to the undo history (undo itself does not). */
  readonly recordHistory: boolean
  /** The values to remember for a later "on" (a library's previous agent, a free-text pref). */
  readonly valuesToRemember: (steps: readonly PlanStep[]) => Record<string, SettingValue>
  readonly now: () => Date
  /** What the values are compared with, in the conflict message (default: "the plan was read"). */
  readonly conflictWhat?: string
  /** What the owner can do about a conflict (default: plan again, or --force). */
  readonly conflictHint?: string
  /**
   * Drop the steps whose target already holds the value they would write (an undo: a change of
   * an interrupted apply that never landed, or one already put back, is nothing to restore).
   */
  readonly skipSettled?: boolean
  /** Ctrl-C: no step starts after it aborts, and the steps done are rolled back as on a failure. */
  readonly signal?: AbortSignal
}

/**
 * Applies a plan: refuses when a value changed since the plan was read (unless forced), keeps a
 * snapshot and a journal (apply-journal.ts) written before the first change and after each, writes
 * one request per step and re-reads it, and when a step fails (or Ctrl-C) rolls back the steps
 * already done, in reverse. Every change goes to the audit trail.
 */
export async function applyPlan(
  plan: Plan,
  context: ApplyContext,
): Promise<Result<ApplyReport, AppError>> {
  const parsed: ParsedStep[] = []
  for (const step of plan.steps) {
    const ref = parseTargetKey(step.target)
    if (ref === undefined || step.before === null || step.after === null) {
      return err(appError('invalidInput', `the plan has a step Hush cannot apply: ${step.target}`))
    }
    parsed.push({ ...step, ref, before: step.before, after: step.after })
  }
  const nothing = ok<ApplyReport>({
    applied: [],
    rolledBack: [],
    snapshotId: null,
    message: 'Nothing to change: the server already matches.',
  })
  if (parsed.length === 0) {
    return nothing
  }

  // No lost update: every value must still be what the plan was computed from.
  const conflicts: string[] = []
  const steps: ParsedStep[] = []
  for (const step of parsed) {
    const fresh = await context.io.read(step.ref)
    if (!fresh.ok) {
      return err(
        appError(
          fresh.error.kind,
          `cannot read ${step.label} before changing it: ${fresh.error.message}`,
        ),
      )
    }
    if (context.skipSettled === true && sameSettingValue(fresh.value, step.after)) {
      continue
    }
    if (!sameSettingValue(fresh.value, step.before)) {
      conflicts.push(
        `${step.label} (planned from ${describeValue(step.before)}, now ${describeValue(fresh.value)})`,
      )
    }
    steps.push({ ...step, before: fresh.value })
  }
  if (conflicts.length > 0 && !context.force) {
    return err(
      appError(
        'conflict',
        `refused: ${conflicts.length === 1 ? 'a value' : `${conflicts.length} values`} changed on the server since ${context.conflictWhat ?? 'the plan was read'}: ${conflicts.join('; ')}. Nothing was changed; ${context.conflictHint ?? 'plan again, or pass --force'}`,
      ),
    )
  }
  if (steps.length === 0) {
    return nothing
  }
  if (context.signal?.aborted) {
    return err(
      appError('applyFailed', 'cancelled (Ctrl-C) before the first change; nothing was changed'),
    )
  }

  const snapshotValues = await context.readSnapshotValues()
  if (!snapshotValues.ok) {
    return snapshotValues
  }
  const at = context.now()
  const snapshotId = `${at.toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 15)}-${randomBytes(3).toString('hex')}`
  const values = { ...snapshotValues.value }
  for (const step of steps) {
    values[step.target] = step.before
  }
  await context.store.saveSnapshot({
    id: snapshotId,
    serverId: context.serverId,
    takenAt: at.toISOString(),
    command: context.command,
    values: snapshotSafeValues(values),
  })
  const journal = await JournalKeeper.begin(context, {
    id: snapshotId,
    title: plan.title,
    kind: context.recordHistory ? 'apply' : 'undo',
    steps,
  })

  const audit = new AuditRecorder(context)
  const done: ParsedStep[] = []
  for (const [index, step] of steps.entries()) {
    const cancelled = context.signal?.aborted === true
    let failure: string | null = 'cancelled (Ctrl-C)'
    if (!cancelled) {
      await journal.mark(index, 'writing')
      failure = await writeAndVerify(context.io, step.ref, step.after, step.label)
      if (failure !== null) {
        audit.record(step, 'failed', failure)
      }
    }
    if (failure !== null) {
      const failed = { plan, steps, index, failure, cancelled, done, snapshotId, audit, journal }
      return rollBack(context, failed)
    }
    await journal.mark(index, 'applied')
    audit.record(step, 'applied', null)
    done.push(step)
  }

  await context.store.appendAudit(audit.entries)
  await context.store.remember(context.serverId, context.valuesToRemember(done))
  if (context.recordHistory) {
    await pushHistory(context, { id: snapshotId, title: plan.title, steps: done.map(stripRef) })
  }
  await journal.end()
  const count = `${done.length} change${done.length === 1 ? '' : 's'}`
  return ok({
    applied: done.map(stripRef),
    rolledBack: [],
    snapshotId,
    message: `Applied ${count} (snapshot ${snapshotId}).`,
  })
}
