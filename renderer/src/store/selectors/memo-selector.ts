import type { AppState } from '../app-state'

/**
 * A selector that recomputes only when one of its inputs changed (by reference).
 *
 * zustand 5 needs selectors to return stable values; derived lists would otherwise be new on
 * every read and render forever.
 */
export function memoSelector<const I extends readonly unknown[], T>(
  inputs: (state: AppState) => I,
  compute: (...args: I) => T,
): (state: AppState) => T {
  let last: I | undefined
  let value: T
  return state => {
    const next = inputs(state)
    if (!last || next.some((input, index) => input !== last?.[index])) {
      last = next
      value = compute(...next)
    }
    return value
  }
}
