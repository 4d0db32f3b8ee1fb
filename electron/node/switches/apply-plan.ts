import { randomBytes } from 'node:crypto'
import { appError, type AppError } from '../../common/api/errors'
import type { ApplyReport, Plan, PlanStep } from '../../common/api/switch-schemas'
import type { ProfileId, SettingValue } from '../../common/switches/switch-types'
import { err, ok, type Result } from '../../common/util/result'
import { sameSettingValue } from '../server/plex-values'
import type { AuditEntry, SwitchStore } from './switch-store'
import type { TargetIo } from './target-io'
import { parseTargetKey, type TargetRef } from './target-keys'

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
}

type Parsed = PlanStep & {
  readonly ref: TargetRef
  readonly before: SettingValue
  readonly after: SettingValue
}

function describeValue(value: SettingValue | null): string {
  return value === null ? 'nothing' : value === '' ? '""' : String(value)
}

/** One line describing a step: `RelayEnabled: true → false`. */
export function describeStep(step: PlanStep): string {
  return `${step.label}: ${describeValue(step.before)} → ${describeValue(step.after)}`
}

/**
 * Applies a plan: refuses when a value changed since the plan was read (unless forced), keeps a
 * snapshot, writes one request per step and re-reads it, and when a step fails rolls back the
 * steps already done, in reverse. Every change goes to the audit trail.
 */
export async function applyPlan(
  plan: Plan,
  context: ApplyContext,
): Promise<Result<ApplyReport, AppError>> {
  const parsed: Parsed[] = []
  for (const step of plan.steps) {
    const ref = parseTargetKey(step.target)
    if (ref === undefined || step.before === null || step.after === null) {
      return err(appError('invalidInput', `the plan has a step Hush cannot apply: ${step.target}`))
    }
    parsed.push({ ...step, ref, before: step.before, after: step.after })
  }
  if (parsed.length === 0) {
    return ok({
      applied: [],
      rolledBack: [],
      snapshotId: null,
      message: 'Nothing to change: the server already matches.',
    })
  }

  // No lost update: every value must still be what the plan was computed from.
  const conflicts: string[] = []
  const steps: Parsed[] = []
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
    values,
  })

  const audit: AuditEntry[] = []
  const record = (
    step: PlanStep,
    outcome: AuditEntry['outcome'],
    detail: string | null,
    before = step.before,
    after = step.after,
  ) =>
    audit.push({
      at: context.now().toISOString(),
      serverId: context.serverId,
      command: context.command,
      switchId: step.switchId,
      target: step.target,
      before,
      after,
      outcome,
      detail,
    })

  const done: Parsed[] = []
  for (const [index, step] of steps.entries()) {
    const failure = await writeAndVerify(context.io, step.ref, step.after, step.label)
    if (failure !== null) {
      record(step, 'failed', failure)
      return rollBack(context, { plan, steps, index, failure, done, snapshotId, audit, record })
    }
    record(step, 'applied', null)
    done.push(step)
  }

  await context.store.appendAudit(audit)
  await context.store.remember(context.serverId, context.valuesToRemember(done))
  if (context.recordHistory) {
    await pushHistory(context, snapshotId, plan.title, done)
  }
  const count = `${done.length} change${done.length === 1 ? '' : 's'}`
  return ok({
    applied: done.map(stripRef),
    rolledBack: [],
    snapshotId,
    message: `Applied ${count} (snapshot ${snapshotId}).`,
  })
}

async function writeAndVerify(
  io: TargetIo,
  ref: TargetRef,
  value: SettingValue,
  label: string,
): Promise<string | null> {
  const written = await io.write(ref, value)
  if (!written.ok) {
    return written.error.message
  }
  const check = await io.read(ref)
  if (!check.ok) {
    return `could not re-read it: ${check.error.message}`
  }
  return sameSettingValue(check.value, value)
    ? null
    : `the server kept ${describeValue(check.value)} instead of ${describeValue(value)} for ${label}`
}

interface Failure {
  readonly plan: Plan
  readonly steps: readonly Parsed[]
  readonly index: number
  readonly failure: string
  readonly done: readonly Parsed[]
  readonly snapshotId: string
  readonly audit: AuditEntry[]
  readonly record: (
    step: PlanStep,
    outcome: AuditEntry['outcome'],
    detail: string | null,
    before?: SettingValue | null,
    after?: SettingValue | null,
  ) => void
}

async function rollBack(
  context: ApplyContext,
  failed: Failure,
): Promise<Result<ApplyReport, AppError>> {
  const { steps, index, done, record } = failed
  const step = steps[index]
  const stuck: Parsed[] = []
  // The failed write may still have landed (a PUT that timed out, a value the server coerced).
  const toUndo = [...done]
  if (step) {
    const now = await context.io.read(step.ref)
    if (!now.ok || !sameSettingValue(now.value, step.before)) {
      toUndo.push(step)
    }
  }
  for (const previous of toUndo.reverse()) {
    const problem = await writeAndVerify(context.io, previous.ref, previous.before, previous.label)
    record(
      previous,
      problem === null ? 'rolled-back' : 'rollback-failed',
      problem,
      previous.after,
      previous.before,
    )
    if (problem !== null) {
      stuck.unshift(previous)
    }
  }
  await context.store.appendAudit(failed.audit)
  const which = `step ${index + 1} of ${steps.length} (${step ? describeStep(step) : '?'}) failed: ${failed.failure}`
  if (stuck.length > 0) {
    // Keep what could not be undone in the history, so that `hush undo` can try again.
    await pushHistory(
      context,
      failed.snapshotId,
      `${failed.plan.title} (partly rolled back)`,
      stuck,
    )
    return err(
      appError(
        'applyFailed',
        `${which}; rolling back failed for ${stuck.map(s => s.label).join(', ')}, which still hold the new value: run hush undo to retry`,
      ),
    )
  }
  const rolled =
    done.length === 0
      ? 'nothing had been changed yet'
      : `the ${done.length} earlier change${done.length === 1 ? ' was' : 's were'} rolled back`
  return err(appError('applyFailed', `${which}; ${rolled}, and the server is as it was before`))
}

async function pushHistory(
  context: ApplyContext,
  snapshotId: string,
  title: string,
  steps: readonly Parsed[],
): Promise<void> {
  const history = await context.store.history()
  history.push({
    id: snapshotId,
    serverId: context.serverId,
    at: context.now().toISOString(),
    command: context.command,
    profile: context.profile,
    title,
    snapshotId,
    steps: steps.map(stripRef),
    undoneAt: null,
  })
  await context.store.saveHistory(history)
}

function stripRef(step: Parsed): PlanStep {
  return {
    switchId: step.switchId,
    target: step.target,
    label: step.label,
    before: step.before,
    after: step.after,
  }
}
