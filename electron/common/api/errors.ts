import { z } from 'zod'

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
