import * as z from 'zod'

/**
 * The expected failures that cross the contract as values.
 *
 * Bugs throw; these do not. Each kind has a one-line `message` meant for the owner, which never
 * contains a secret (the server token, a password).
 */
export const appErrorKindSchema = z.enum([
  'unreachable',
  'unauthorized',
  'notPlex',
  'timeout',
  'tls',
  'badResponse',
  'preferencesMalformed',
  'dataDirNotFound',
  'tokenNotFound',
  'settingUnknown',
  'conflict',
  'applyFailed',
  'nothingToUndo',
  'logMissing',
  'accountUnavailable',
  'invalidInput',
  /** A file could not be read or changed: not a regular file, too large, or not permitted. */
  'fileError',
  /** Signing in with Plex did not finish: the PIN expired, was refused, or the owner gave up. */
  'signInFailed',
  /** The server's logs could not be pulled: not a zip, cut short, too large, or a bad entry. */
  'logPullFailed',
])

/** One expected failure kind. */
export type AppErrorKind = z.infer<typeof appErrorKindSchema>

/** An expected failure, carried as a value. */
export const appErrorSchema = z.object({
  kind: appErrorKindSchema,
  message: z.string(),
})

/** An expected failure, carried as a value. */
export type AppError = z.infer<typeof appErrorSchema>

/** Builds an AppError. */
export function appError(kind: AppErrorKind, message: string): AppError {
  return { kind, message }
}

/** Schema of `Result<T, AppError>` for a contract output. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: appErrorSchema }),
  ])
}

/**
 * The one-line message of a contract input that failed its schema: the method, and the first
 * problem with where it is (`invalid input for log.page: since takes an ISO 8601 date or time…`).
 * It names fields, never echoes their values (an input may hold a token).
 */
export function invalidInputMessage(method: string, error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) {
    return `invalid input for ${method}`
  }
  const where = issue.path.map(String).join('.')
  return `invalid input for ${method}: ${where ? `${where} ` : ''}${issue.message}`.replace(
    /\s*\n\s*/g,
    ' ',
  )
}
