import type { AppError } from '../../../electron/common/api/errors'

/** Data fetched from the core: not asked yet, on its way, here, or failed with a reason. */
export type Loadable<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly value?: T }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly error: AppError; readonly value?: T }

/** The state before anything was asked. */
export const idle: Loadable<never> = { status: 'idle' }

/** Marks a loadable as on its way, keeping the value it had so the screen does not blank out. */
export function loading<T>(previous: Loadable<T>): Loadable<T> {
  return 'value' in previous && previous.value !== undefined
    ? { status: 'loading', value: previous.value }
    : { status: 'loading' }
}

/** The value of a loadable, if it has one. */
export function valueOf<T>(loadable: Loadable<T>): T | undefined {
  return 'value' in loadable ? loadable.value : undefined
}

/** An AppError for a failure that was not a value (the transport broke, the core threw). */
export function unexpected(error: unknown): AppError {
  return { kind: 'unreachable', message: error instanceof Error ? error.message : String(error) }
}
