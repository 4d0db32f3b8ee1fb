import type { Notice } from '../../common/notices/notice'
import { ok } from '../../common/util/result'
import { withApplyLock } from './apply-lock'
import type { ApplyJournal } from './apply-journal'
import type { AuditEntry, HistoryEntry, SwitchStore } from './switch-store'

/** What the owner is told of a recovered apply (its words: common/notices/notice-texts.ts). */
export type InterruptedApply = Extract<Notice, { kind: 'applyInterrupted' }>

/**
 * Finds the journal of an apply that never ended (Hush was killed, crashed, or the machine lost
 * power mid-apply) and makes it undoable: the changes that landed, or may have landed, become an
 * undo history entry marked `interrupted`, with the values from before them, and the audit trail
 * records them. Runs at the start of every face (each command that opens the switchboard, the
 * core of the desktop app and `hush serve`). Resolves to the notice for the owner, or null.
 *
 * It holds the apply lock while it works: a journal whose apply is still running in another Hush
 * (the lock's holder is alive) is left alone.
 */
export async function recoverInterruptedApply(
  store: SwitchStore,
  now: () => Date = () => new Date(),
): Promise<InterruptedApply | null> {
  if ((await store.journal()) === null) {
    return null
  }
  const recovered = await withApplyLock(store.dir, now, async () =>
    ok(await recoverHoldingLock(store, now)),
  )
  return recovered.ok ? recovered.value : null
}

/**
 * recoverInterruptedApply for a caller that holds the apply lock already: every apply calls it
 * before it writes its own journal, so that no journal of a killed apply is ever overwritten.
 */
export async function recoverHoldingLock(
  store: SwitchStore,
  now: () => Date,
): Promise<InterruptedApply | null> {
  const journal = await store.journal()
  if (journal === null) {
    return null
  }
  const landed = journal.steps.filter(
    step => step.status === 'writing' || step.status === 'applied',
  )
  // An undo's entry is still open: undo again finishes it (steps put back are skipped).
  if (journal.kind === 'apply' && landed.length > 0) {
    const history = await store.history()
    if (!history.some(entry => entry.id === journal.id)) {
      await store.appendAudit(landed.map(step => auditOf(journal, step, now)))
      history.push(historyOf(journal, landed, now))
      await store.saveHistory(history)
    }
  }
  await store.clearJournal()
  return {
    kind: 'applyInterrupted',
    command: journal.command,
    startedAt: journal.startedAt,
    landed: landed.length,
    of: journal.steps.length,
    undoing: journal.kind === 'undo',
  }
}

function historyOf(
  journal: ApplyJournal,
  landed: ApplyJournal['steps'],
  now: () => Date,
): HistoryEntry {
  return {
    id: journal.id,
    serverId: journal.serverId,
    at: journal.startedAt,
    command: journal.command,
    profile: journal.profile,
    title: `${journal.title} (interrupted)`,
    snapshotId: journal.id,
    steps: landed.map(({ status: _status, ...step }) => step),
    undoneAt: null,
    interrupted: { foundAt: now().toISOString(), of: journal.steps.length },
  }
}

function auditOf(
  journal: ApplyJournal,
  step: ApplyJournal['steps'][number],
  now: () => Date,
): AuditEntry {
  return {
    at: now().toISOString(),
    serverId: journal.serverId,
    command: journal.command,
    switchId: step.switchId,
    target: step.target,
    before: step.before,
    after: step.after,
    outcome: 'applied',
    detail:
      step.status === 'applied'
        ? 'the apply was interrupted after this change'
        : 'the apply was interrupted while writing this change; it may not have landed',
  }
}
