import { appError, type AppError } from '../../common/api/errors'
import { err, ok, type Result } from '../../common/util/result'
import { readRegularFile } from '../files/regular-file'

/** The most of a token file Hush reads: a Plex token is 20 characters, a JWT a few hundred. */
export const maxTokenFileBytes = 4096

/** Where an explicit token may come from, strongest first. */
export interface TokenSources {
  /** `--token T`: visible to other users of the machine in `ps`; prefer the two below. */
  readonly token?: string
  /** `--token-file PATH`: a file holding the token (keep it 0600). */
  readonly tokenFile?: string
  readonly env: Readonly<Record<string, string | undefined>>
}

/**
 * The token given explicitly: `--token`, else the first line of `--token-file`, else the
 * `HUSH_TOKEN` variable; null when none was given (then discovery reads the server's own). A token
 * file that cannot be read, is not a regular file, or is empty is a `tokenNotFound` error; the
 * message names the file, never its content.
 */
export async function explicitToken(
  sources: TokenSources,
): Promise<Result<string | null, AppError>> {
  if (sources.token) {
    return ok(sources.token)
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
    return ok(token)
  }
  return ok(sources.env.HUSH_TOKEN ? sources.env.HUSH_TOKEN : null)
}
