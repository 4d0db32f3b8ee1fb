import {
  decodeFully,
  isSecretName,
  maskValue,
  redacted,
  redactedEmail,
  serverMask,
} from './secret-names'

export { redacted, redactedEmail, serverMask } from './secret-names'

// `name=value` anywhere in a text: a query string, a command line (`--sentryKey=…`), a form body.
const paramPattern = /(^|[?&;\s,("'])([A-Za-z0-9_.\-[\]%]+)=([^&#\s"')]*)/g
const headerPattern =
  /((?:x-plex-token|plexonlinetoken|authorization|proxy-authorization|cookie|set-cookie|x-plex-authorization)\s*(?:=>|:)\s*)(?:(?:bearer|basic|token)\s+)?[^\s/,;]+/gi
const quotedPattern =
  /((?:"|\b)(?:token|authToken|authenticationToken|accessToken|PlexOnlineToken|password|sentryKey)"?\s*[:=]\s*")[^"]*/gi
const headerHint = /(?:token|authorization|cookie)\s*:/i
const authParenPattern = /(auth token \()[^)]*/gi
const jwtPattern = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g
const urlPattern = /[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi
// A run of text with percent-encoding in it, outside a URL (a URL is taken apart on its own).
const encodedRunPattern = /[^\s"'<>]*%[0-9A-Fa-f]{2}[^\s"'<>]*/g
// An e-mail address anywhere (a URL's user-info was masked as `REDACTED@host` before).
const emailPattern =
  /(?<![\w.%+-])(?!REDACTED@)[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g
// Parts that hold none of these are plain words: nothing to decode or look into (the fast path).
const partHint = /[%@=:;,"]|eyJ/

/** Nesting (a URL in a value of a URL in a value …) beyond which a part is masked whole. */
const maxDepth = 6

/**
 * Removes secrets from a URL or a line of text (an error message, a command line). URLs are
 * taken apart by structure: the user-info, each path segment and each query and fragment
 * parameter; names and values are percent-decoded to a fixed point before they are checked, so
 * no spelling or encoding (`X%2DPlex%2DToken=`, `X-Plex-Token%253D…`, `X-Plex-Token[]=`) slips
 * through. Every parameter whose name holds token, auth, key, secret, password, signature,
 * session (see secret-names.ts) is masked, as are e-mail addresses anywhere, JWTs, header dumps
 * (`X-Plex-Token => …`, `Authorization: Bearer …`) and quoted JSON/XML values. The server's own
 * mask (20 `x`) is kept, recognisable. Pure and idempotent.
 */
export function redactText(text: string): string {
  return redactTextAt(text, 0)
}

/** redactText for a text known to be one URL (the outbound log's hot path: no search for URLs). */
export function redactUrl(url: string): string {
  return redactUrlAt(url, 0)
}

function redactTextAt(text: string, depth: number): string {
  // Each pass runs only when a cheap substring test says it could match.
  let out = text
  if (out.includes('%')) {
    out = out.replace(encodedRunPattern, run => (run.includes('://') ? run : redactRun(run, depth)))
  }
  if (out.includes('://')) {
    out = out.replace(urlPattern, url => redactUrlAt(url, depth))
  }
  if (out.includes('=')) {
    out = out.replace(paramPattern, (match, lead: string, name: string, value: string) =>
      isSecretName(name) ? `${lead}${name}=${maskValue(value)}` : match,
    )
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
  if (out.includes('@')) {
    out = out.replace(emailPattern, redactedEmail)
  }
  return out
}

/** An encoded run of free text: decoded, cleaned, and left as it was when it held no secret. */
function redactRun(run: string, depth: number): string {
  const plain = decodeFully(run)
  if (plain === run || depth >= maxDepth) {
    return plain === run ? run : redacted
  }
  const cleaned = redactTextAt(plain, depth + 1)
  return cleaned === plain ? run : cleaned
}

function redactUrlAt(url: string, depth: number): string {
  const hashAt = url.indexOf('#')
  const rawQueryAt = url.indexOf('?')
  const queryAt = rawQueryAt >= 0 && (hashAt < 0 || rawQueryAt < hashAt) ? rawQueryAt : -1
  const headEnd = queryAt >= 0 ? queryAt : hashAt >= 0 ? hashAt : url.length
  const head = url.slice(0, headEnd)
  let out = ''
  let path = head
  const schemeEnd = head.indexOf('://')
  if (schemeEnd >= 0) {
    const start = schemeEnd + 3
    const slash = head.indexOf('/', start)
    const authorityEnd = slash < 0 ? head.length : slash
    const authority = head.slice(start, authorityEnd)
    const at = authority.lastIndexOf('@')
    out = head.slice(0, start) + (at >= 0 ? `${redacted}@${authority.slice(at + 1)}` : authority)
    path = head.slice(authorityEnd)
  }
  out += partHint.test(path)
    ? path
        .split('/')
        .map(segment => redactPart(segment, depth))
        .join('/')
    : path
  if (queryAt >= 0) {
    out += `?${redactParams(url.slice(queryAt + 1, hashAt > queryAt ? hashAt : url.length), depth)}`
  }
  if (hashAt >= 0) {
    out += `#${redactParams(url.slice(hashAt + 1), depth)}`
  }
  return out
}

function redactParams(query: string, depth: number): string {
  return query
    .split('&')
    .map(param => {
      const eq = param.indexOf('=')
      if (eq < 0) {
        return redactPart(param, depth)
      }
      const name = param.slice(0, eq)
      const value = param.slice(eq + 1)
      if (isSecretName(name)) {
        return `${name}=${maskValue(value)}`
      }
      return `${redactPart(name, depth)}=${redactPart(value, depth)}`
    })
    .join('&')
}

/**
 * One part of a URL (a segment, a name, a value): decoded to a fixed point and cleaned as text
 * (it may be a URL or a query string itself, or an e-mail address); re-encoded when it changed.
 */
function redactPart(part: string, depth: number): string {
  if (!partHint.test(part)) {
    return part
  }
  if (depth >= maxDepth) {
    return redacted
  }
  const plain = decodeFully(part)
  const cleaned = redactTextAt(plain, depth + 1)
  if (cleaned === plain) {
    return part
  }
  return plain === part ? cleaned : encodeURIComponent(cleaned)
}

const headerLeak = /(?:x-plex-token|authorization)\s*(?:=>|:)\s*(?!REDACTED)\S/i
const paramLeak = /([A-Za-z0-9_.\-[\]%]+)=([^&#\s"')]+)/g
const jwtLeak = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\./

function leaks(text: string): boolean {
  if (jwtLeak.test(text) || headerLeak.test(text)) {
    return true
  }
  if (text.includes('@') && new RegExp(emailPattern.source).test(text)) {
    return true
  }
  for (const [, name = '', value = ''] of text.matchAll(paramLeak)) {
    if (isSecretName(name) && value !== redacted && value !== serverMask) {
      return true
    }
  }
  return false
}

/**
 * Whether a text still holds something redactText would remove, in any encoding: used by tests
 * and guards. It is stricter than redactText (an e-mail address after a `/` counts).
 */
export function containsSecret(text: string): boolean {
  return leaks(text) || (text.includes('%') && leaks(decodeFully(text)))
}
