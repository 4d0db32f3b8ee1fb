import type { SwitchStatus } from '../../../../electron/common/api/switch-schemas'
import type {
  FlowId,
  SwitchEntry,
  SwitchState,
} from '../../../../electron/common/switches/switch-types'
import type { AppState } from '../app-state'
import { valueOf } from '../loadable'
import { memoSelector } from './memo-selector'

/** One switch as a screen shows it: the catalog's words and the server's live state. */
export interface SwitchView {
  readonly id: string
  readonly entry: SwitchEntry | null
  readonly status: SwitchStatus | null
  readonly state: SwitchState
}

/** The switches of one data flow. */
export interface FlowGroup {
  readonly flow: FlowId | 'other'
  readonly switches: readonly SwitchView[]
}

/** The overall state in one word: everything private, something flows, or no server. */
export type OverallState = 'loading' | 'private' | 'flowing' | 'unreachable'

const allSwitches = memoSelector(
  (s: AppState) => [s.catalog, s.switchboard] as const,
  (catalog, switchboard) => {
    const statuses = valueOf(switchboard)?.switches ?? []
    const byId = new Map(statuses.map(status => [status.id, status]))
    const known: SwitchView[] = catalog.switches.map(entry => {
      const status = byId.get(entry.id) ?? null
      return { id: entry.id, entry, status, state: status?.state ?? 'unknown' }
    })
    const ids = new Set(catalog.switches.map(entry => entry.id))
    const extra: SwitchView[] = statuses
      .filter(status => !ids.has(status.id))
      .map(status => ({ id: status.id, entry: null, status, state: status.state }))
    return [...known, ...extra]
  },
)

const flowGroups = memoSelector(
  (s: AppState) => [s.catalog.flowOrder, allSwitches(s)] as const,
  (order, views): readonly FlowGroup[] => {
    const flows: (FlowId | 'other')[] = [...order]
    for (const view of views) {
      const flow = view.entry?.flow ?? 'other'
      if (!flows.includes(flow)) {
        flows.push(flow)
      }
    }
    return flows
      .map(flow => ({
        flow,
        switches: views.filter(view => (view.entry?.flow ?? 'other') === flow),
      }))
      .filter(group => group.switches.length > 0)
  },
)

const overall = memoSelector(
  (s: AppState) => [s.reachable, s.switchboard, allSwitches(s)] as const,
  (reachable, switchboard, views): OverallState => {
    if (reachable === false || switchboard.status === 'error') {
      return 'unreachable'
    }
    if (switchboard.status !== 'ready' && valueOf(switchboard) === undefined) {
      return 'loading'
    }
    return views.some(view => isFlowing(view.state)) ? 'flowing' : 'private'
  },
)

/** Whether data flows while a switch is in this state (on, or on for some libraries). */
export function isFlowing(state: SwitchState): boolean {
  return state === 'on' || state === 'mixed'
}

/** Selectors over the switchboard. */
export const switchSelectors = {
  all: allSwitches,
  flowGroups,
  overall,
  flowingCount: (s: AppState): number => allSwitches(s).filter(v => isFlowing(v.state)).length,
  byId: (id: string) => (s: AppState) => allSwitches(s).find(view => view.id === id),
}
