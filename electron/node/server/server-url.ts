import { appError, type AppError } from '../../common/api/errors'
import { err, ok, type Result } from '../../common/util/result'

/**
 * Reads a server (or plex.tv) address and keeps only its origin, `scheme://host:port`. A path,
 * query, fragment or user name in it is refused: that is where a token pasted by mistake would
 * sit, and from there it would reach every message, the dashboard and servers.json. The message
 * shows the origin only, never the rest. `what` names the option (`--server`, `--account-url`).
 */
export function serverOrigin(text: string, what = 'the server address'): Result<string, AppError> {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return err(appError('invalidInput', `${what} is not a URL (expected http://host:port)`))
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return err(appError('invalidInput', `${what} must start with http:// or https://`))
  }
  const extra = url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== ''
  if (extra || (url.pathname !== '/' && url.pathname !== '')) {
    return err(
      appError(
        'invalidInput',
        `${what} takes only a scheme, host and port, such as ${url.origin}: leave out the path, query and user name (a token goes in --token-file or HUSH_TOKEN)`,
      ),
    )
  }
  return ok(url.origin)
}
