import { appError, type AppError } from '../../common/api/errors'
import type { ApplyReport, Plan } from '../../common/api/switch-schemas'
import { err, type Result } from '../../common/util/result'
import { sameSettingValue } from '../server/plex-values'
import type { ApplyContext } from './apply-plan'
import {
  pushHistory,
  stripRef,
  type AuditRecorder,
  type JournalKeeper,
  type ParsedStep,
} from './apply-records'
import { describeStep, writeAndVerify } from './step-io'

/** An apply that stopped at step `index`: a failure, or Ctrl-C before the step started. */
export interface StoppedApply {
  readonly plan: Plan
  readonly steps: readonly ParsedStep[]
  readonly index: number
  readonly failure: string
  /** Ctrl-C: step `index` was never sent. */
  readonly cancelled: boolean
  readonly done: readonly ParsedStep[]
  readonly snapshotId: string
  readonly audit: AuditRecorder
  readonly journal: JournalKeeper
}

/**
 * Puts back, in reverse, the steps of a stopped apply that landed (and the failed one when it
 * may have landed too), recording each in the journal and the audit trail. What cannot be put
 * back stays in the undo history, so that `hush undo` can try again.
 */
export async function rollBack(
  context: ApplyContext,
  stopped: StoppedApply,
): Promise<Result<ApplyReport, AppError>> {
  const { steps, index, done, audit, journal } = stopped
  const step = steps[index]
  const stuck: ParsedStep[] = []
  // The failed write may still have landed (a PUT that timed out, a value the server coerced).
  const toUndo = [...done]
  if (step && !stopped.cancelled) {
    const now = await context.io.read(step.ref)
    if (!now.ok || !sameSettingValue(now.value, step.before)) {
      toUndo.push(step)
    }
  }
  for (const previous of toUndo.reverse()) {
    const problem = await writeAndVerify(context.io, previous.ref, previous.before, previous.label)
    audit.record(
      previous,
      problem === null ? 'rolled-back' : 'rollback-failed',
      problem,
      previous.after,
      previous.before,
    )
    if (problem === null) {
      await journal.mark(steps.indexOf(previous), 'rolled-back')
    } else {
      stuck.unshift(previous)
    }
  }
  await context.store.appendAudit(audit.entries)
  const what = step ? describeStep(step) : '?'
  const which = stopped.cancelled
    ? `cancelled (Ctrl-C) before step ${index + 1} of ${steps.length} (${what})`
    : `step ${index + 1} of ${steps.length} (${what}) failed: ${stopped.failure}`
  if (stuck.length > 0) {
    // Keep what could not be undone in the history, so that `hush undo` can try again.
    await pushHistory(context, {
      id: stopped.snapshotId,
      title: `${stopped.plan.title} (partly rolled back)`,
      steps: stuck.map(stripRef),
    })
    await journal.end()
    return err(
      appError(
        'applyFailed',
        `${which}; rolling back failed for ${stuck.map(s => s.label).join(', ')}, which still hold the new value: run hush undo to retry`,
      ),
    )
  }
  await journal.end()
  const rolled =
    done.length === 0
      ? 'nothing had been changed yet'
      : `the ${done.length} earlier change${done.length === 1 ? ' was' : 's were'} rolled back`
  return err(appError('applyFailed', `${which}; ${rolled}, and the server is as it was before`))
}
