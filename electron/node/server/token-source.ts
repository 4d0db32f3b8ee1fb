import { appError, type AppError } from '../../common/api/errors'
import { err, ok, type Result } from '../../common/util/result'
import { readRegularFile } from '../files/regular-file'

/** The most of a token file Hush reads: a Plex token is 20 characters, a JWT a few hundred. */
export const maxTokenFileBytes = 4096

/** How an owner gives Hush a token without other users of the machine seeing it in `ps`. */
export const tokenHint = 'HUSH_TOKEN or --token-file PATH'

/** How the core's own tokens were given, as a message that one was refused names them. */
export const givenTokens = {
  /** Typed into the dashboard's server form. */
  entered: 'the token entered for it',
  /** Kept by Hush since the owner connected (the system's secret store). */
  kept: 'the token Hush kept for it (connect to it again, or sign in with Plex again)',
  /** Handed out by plex.tv for a server of the signed-in account. */
  plexTv: 'the token plex.tv gave for it (sign in with Plex again)',
} as const

/** A token given explicitly, and how it was given: a message names the way, never the token. */
export interface GivenToken {
  readonly token: string
  /** `--token`, `--token-file PATH`, `HUSH_TOKEN`, or one of `givenTokens`. */
  readonly given: string
}

/** Where an explicit token may come from, strongest first. */
export interface TokenSources {
  /** `--token T`: visible to other users of the machine in `ps`; prefer the two below. */
  readonly token?: string
  /** How `token` was given, for a message that it was refused (`--token` when absent). */
  readonly tokenGiven?: string
  /** `--token-file PATH`: a file holding the token (keep it 0600). */
  readonly tokenFile?: string
  readonly env: Readonly<Record<string, string | undefined>>
}

/**
 * The token given explicitly, with how: `--token`, else the first line of `--token-file`, else
 * the `HUSH_TOKEN` variable; null when none was given (then discovery reads the server's own). A token
 * file that cannot be read, is not a regular file, or is empty is a `tokenNotFound` error; the
 * message names the file, never its content.
 */
export async function explicitToken(
  sources: TokenSources,
): Promise<Result<GivenToken | null, AppError>> {
  if (sources.token) {
    return ok({ token: sources.token, given: sources.tokenGiven ?? '--token' })
  }
  if (sources.tokenFile) {
    const read = await readRegularFile(sources.tokenFile, maxTokenFileBytes, 'a token file')
    if (!read.ok) {
      return err(appError('tokenNotFound', `cannot use --token-file: ${read.error.message}`))
    }
    const token = read.value.split(/\r?\n/)[0]?.trim() ?? ''
    if (token === '') {
      return err(appError('tokenNotFound', `the token file ${sources.tokenFile} is empty`))
    }
    return ok({ token, given: `--token-file ${sources.tokenFile}` })
  }
  return ok(sources.env.HUSH_TOKEN ? { token: sources.env.HUSH_TOKEN, given: 'HUSH_TOKEN' } : null)
}
