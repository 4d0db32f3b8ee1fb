import type { AppError } from '../../../electron/common/api/errors'
import type { Result } from '../../../electron/common/util/result'

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

/** A loadable once the answer is in: its value, or why there is none. */
export type Loaded<T> = Extract<Loadable<T>, { readonly status: 'ready' | 'error' }>

/**
 * Asks the core for something and says what came back as a Loadable: the value, the expected
 * failure it answered (a Result's error), or the failure it threw (the transport broke).
 */
export async function load<T>(
  call: () => Promise<Result<T, AppError> | { readonly plain: T }>,
): Promise<Loaded<T>> {
  try {
    const answer = await call()
    if ('plain' in answer) {
      return { status: 'ready', value: answer.plain }
    }
    return answer.ok
      ? { status: 'ready', value: answer.value }
      : { status: 'error', error: answer.error }
  } catch (error) {
    return { status: 'error', error: unexpected(error) }
  }
}

/** For `load`: an answer that is a value, not a Result. */
export async function plain<T>(value: Promise<T>): Promise<{ readonly plain: T }> {
  return { plain: await value }
}
