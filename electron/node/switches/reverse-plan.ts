import type { Plan } from '../../common/api/switch-schemas'
import type { HistoryEntry } from './switch-store'

/** The plan that undoes one history entry: its steps in reverse order, before and after swapped. */
export function reversePlan(entry: HistoryEntry, now: Date): Plan {
  return {
    title: `Undo "${entry.title}" (${entry.at})`,
    steps: [...entry.steps]
      .reverse()
      .map(step => ({ ...step, before: step.after, after: step.before })),
    breaks: [],
    readAt: now.toISOString(),
  }
}
