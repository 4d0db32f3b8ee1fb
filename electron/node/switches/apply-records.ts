import type { PlanStep } from '../../common/api/switch-schemas'
import type { ProfileId, SettingValue } from '../../common/switches/switch-types'
import type { ApplyJournal, JournalStepStatus } from './apply-journal'
import type { AuditEntry, HistoryEntry, SwitchStore } from './switch-store'
import type { TargetRef } from './targets/target-adapters'

/** A plan step with its parsed target and both values known. */
export type ParsedStep = PlanStep & {
  readonly ref: TargetRef
  readonly before: SettingValue
  readonly after: SettingValue
}

/** What the records of one apply need to know about it. */
export interface ApplyIdentity {
  readonly store: SwitchStore
  readonly serverId: string
  readonly command: string
  readonly profile: ProfileId | null
  readonly now: () => Date
}

/** A plan step without its parsed target, as history and reports keep it. */
export function stripRef(step: ParsedStep): PlanStep {
  return {
    switchId: step.switchId,
    target: step.target,
    label: step.label,
    before: step.before,
    after: step.after,
  }
}

/** Adds an apply to the undo history. */
export async function pushHistory(
  context: ApplyIdentity,
  entry: Pick<HistoryEntry, 'id' | 'title' | 'steps'> &
    Partial<Pick<HistoryEntry, 'at' | 'interrupted'>>,
): Promise<void> {
  const history = await context.store.history()
  history.push({
    serverId: context.serverId,
    at: context.now().toISOString(),
    command: context.command,
    profile: context.profile,
    snapshotId: entry.id,
    undoneAt: null,
    ...entry,
  })
  await context.store.saveHistory(history)
}

/** The audit trail of one apply, written once when it ends. */
export class AuditRecorder {
  readonly entries: AuditEntry[] = []

  constructor(private readonly context: ApplyIdentity) {}

  /** Records what happened to a step (`before`/`after` default to the step's own). */
  record(
    step: PlanStep,
    outcome: AuditEntry['outcome'],
    detail: string | null,
    before: SettingValue | null = step.before,
    after: SettingValue | null = step.after,
  ): void {
    this.entries.push({
      at: this.context.now().toISOString(),
      serverId: this.context.serverId,
      command: this.context.command,
      switchId: step.switchId,
      target: step.target,
      before,
      after,
      outcome,
      detail,
    })
  }
}

/**
 * The journal of one apply, kept on disk while it runs: every change of a step's status is
 * written (durably) before Hush goes on, so that a Hush killed at any point leaves a journal that
 * says which changes may have landed.
 */
export class JournalKeeper {
  private constructor(
    private readonly store: SwitchStore,
    private readonly journal: ApplyJournal,
  ) {}

  /** Writes the journal of an apply that is about to make its first change. */
  static async begin(
    context: ApplyIdentity,
    start: { id: string; title: string; kind: ApplyJournal['kind']; steps: readonly ParsedStep[] },
  ): Promise<JournalKeeper> {
    const journal: ApplyJournal = {
      version: 1,
      id: start.id,
      serverId: context.serverId,
      command: context.command,
      profile: context.profile,
      title: start.title,
      kind: start.kind,
      startedAt: context.now().toISOString(),
      state: 'in-progress',
      steps: start.steps.map(step => ({ ...stripRef(step), status: 'pending' })),
    }
    await context.store.saveJournal(journal)
    return new JournalKeeper(context.store, journal)
  }

  /** Records where step `index` is now. */
  async mark(index: number, status: JournalStepStatus): Promise<void> {
    const step = this.journal.steps[index]
    if (step) {
      this.journal.steps[index] = { ...step, status }
      await this.store.saveJournal(this.journal)
    }
  }

  /** Removes the journal: the apply ended and its outcome is in the history and audit. */
  end(): Promise<void> {
    return this.store.clearJournal()
  }
}
