/** What replaces a secret value. */
export const redacted = 'REDACTED'

/** What replaces an e-mail address. */
export const redactedEmail = 'REDACTED-EMAIL'

// Names whose values are secrets wherever they appear as `name=value` (query strings, command lines).
const secretNames =
  'x-plex-token|plexonlinetoken|auth_token|authtoken|authenticationtoken|access_token|refresh_token|id_token|token|sentrykey|sentry_key|password|passwd|pwd|passcode|secret|client_secret|api_key|apikey|signature|jwt'

const paramPattern = new RegExp(`((?:^|[?&;\\s,(\\-])(?:${secretNames})=)([^&#\\s"')]+)`, 'gi')
const encodedParamPattern = new RegExp(`((?:${secretNames})%3d)([A-Za-z0-9_.~-]+)`, 'gi')
const headerPattern =
  /((?:x-plex-token|plexonlinetoken|authorization|proxy-authorization|cookie|set-cookie|x-plex-authorization)\s*(?:=>|:)\s*)(?:(?:bearer|basic|token)\s+)?[^\s/,;]+/gi
const quotedPattern =
  /((?:"|\b)(?:token|authToken|authenticationToken|accessToken|PlexOnlineToken|password|sentryKey)"?\s*[:=]\s*")[^"]*/gi
const headerHint = /(?:token|authorization|cookie)\s*:/i
const authParenPattern = /(auth token \()[^)]*/gi
const jwtPattern = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g
const userInfoPattern = /([a-z][a-z0-9+.-]*:\/\/)[^/\s@?#]+@/gi
const emailPattern =
  /(?<![/\w.%+-])[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g

/**
 * Removes secrets from a URL or a line of text: token and password values in any form (masked by
 * the server as 20 `x` or not, query parameters, percent-encoded parameters, `--sentryKey=`,
 * header dumps `X-Plex-Token => …`, `Authorization: Bearer …`, quoted JSON/XML values), JWTs,
 * URL user-info and e-mail addresses. Pure and idempotent.
 */
export function redactText(text: string): string {
  // Each pattern runs only when a cheap substring test says it could match: this is on the
  // path of every event of a 256 MiB log.
  let out = text
  if (out.includes('@')) {
    out = out.replace(userInfoPattern, `$1${redacted}@`)
  }
  if (out.includes('=')) {
    out = out.replace(paramPattern, `$1${redacted}`)
  }
  if (out.includes('%3')) {
    out = out.replace(encodedParamPattern, `$1${redacted}`)
  }
  if (out.includes('=>') || headerHint.test(out)) {
    out = out.replace(headerPattern, `$1${redacted}`)
  }
  if (out.includes('"')) {
    out = out.replace(quotedPattern, `$1${redacted}`)
  }
  if (out.includes('oken (')) {
    out = out.replace(authParenPattern, `$1${redacted}`)
  }
  if (out.includes('eyJ')) {
    out = out.replace(jwtPattern, redacted)
  }
  if (out.includes('@') || out.includes('%40')) {
    out = out.replace(emailPattern, redactedEmail)
  }
  return out
}

const leakPatterns: readonly RegExp[] = [
  new RegExp(`(?:^|[?&;\\s,(\\-])(?:${secretNames})=(?!${redacted})[^&#\\s"')]+`, 'i'),
  new RegExp(`(?:${secretNames})%3d(?!${redacted})[A-Za-z0-9_.~-]+`, 'i'),
  /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\./,
  /(?<![/\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/,
  /(?:x-plex-token|authorization)\s*(?:=>|:)\s*(?!REDACTED)\S/i,
]

/** Whether a text still holds something redactText would remove (used by tests and guards). */
export function containsSecret(text: string): boolean {
  return leakPatterns.some(pattern => pattern.test(text))
}
