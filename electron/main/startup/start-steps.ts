/** The steps of the desktop app's start, in order; a failure names the one that broke. */
export const startSteps = ['keychain', 'settings', 'store', 'core', 'window'] as const

/** One step of the start (see `startSteps`), or `deadline` when the start never finished. */
export type StartStep = (typeof startSteps)[number] | 'deadline'

/** Why the desktop app could not start: the step, and the error's first line. */
export interface StartFailure {
  readonly step: StartStep
  readonly message: string
}

/** An error that carries the start step it happened in. */
export class StartStepError extends Error {
  readonly step: StartStep

  constructor(step: StartStep, message: string) {
    super(message)
    this.name = 'StartStepError'
    this.step = step
  }
}

/** Runs one step of the start; whatever it throws comes out as a StartStepError naming the step. */
export async function startStep<T>(step: StartStep, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof StartStepError) {
      throw error
    }
    throw new StartStepError(step, firstLine(error))
  }
}

/**
 * The start's promise, or a `deadline` failure when it has not settled within `ms`: a core that
 * never answers must not leave the window loading for ever.
 */
export function withDeadline<T>(start: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new StartStepError('deadline', `the core did not start within ${ms / 1000} s`)),
      ms,
    )
  })
  return Promise.race([start, deadline]).finally(() => clearTimeout(timer))
}

/** The failure for anything a start threw: its step (`core` when unknown) and one short line. */
export function toStartFailure(error: unknown): StartFailure {
  return error instanceof StartStepError
    ? { step: error.step, message: error.message }
    : { step: 'core', message: firstLine(error) }
}

/** The first line of an error's message, at most 300 characters (stack traces stay in the log). */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  const line = text.split('\n').find(part => part.trim() !== '') ?? 'unknown error'
  return line.length > 300 ? `${line.slice(0, 299)}…` : line.trim()
}
