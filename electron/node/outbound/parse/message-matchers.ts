import { crashUploadUrl } from './crash-job'

/** What an outbound-HTTP log message says. */
export type ExchangeLine =
  | {
      readonly kind: 'request'
      readonly hcl: string | null
      readonly method: string
      readonly url: string
    }
  | {
      readonly kind: 'response'
      readonly hcl: string | null
      readonly method: string
      readonly url: string
      readonly status: number
    }
  | {
      readonly kind: 'error'
      readonly hcl: string | null
      readonly method: string
      readonly url: string
      readonly error: string
    }
  /** A `CrashUploader` job: one crash-report upload to the `--sentryUrl` (or older `--url`). */
  | { readonly kind: 'crash'; readonly hcl: null; readonly method: string; readonly url: string }

/** The method of the 2014 `HTTP requesting to: <url>` form, which does not name one. */
export const unknownMethod = 'UNKNOWN'

const requestPattern = /^HTTP requesting (?:to: (\S+)|([A-Z]+) (\S+))/
// The method is optional in responses and errors, as `to:` is in 2014 requests: tolerate both.
const responsePattern = /^HTTP(?:\/[\d.]+ \([\d.]+s\))? (\d{3}) response from (?:([A-Z]+) )?(\S+)/
const errorPattern = /^HTTP error requesting (?:to: |([A-Z]+) )?(\S+)(?: (.*))?$/

/** Splits the component prefixes (`[Req#1/HCl#2b]`, `[HttpClient/HCl#31] `) off a message. */
function splitPrefixes(message: string): { hcl: string | null; body: string } {
  let body = message
  let hcl: string | null = null
  while (body.charCodeAt(0) === 91) {
    const close = body.indexOf('] ')
    if (close < 0) {
      break
    }
    const at = body.lastIndexOf('HCl#', close)
    if (at > 0) {
      hcl = body.slice(at + 4, close)
    }
    body = body.slice(close + 2)
  }
  return { hcl, body }
}

/**
 * Matches an outbound exchange line: request, response, error, or a crash-report upload job.
 * Anchored on the message body, so URLs quoted inside other messages (banners, `MyPlex: …
 * requesting JSON from:`, `using cached data for request for`) never match.
 */
export function matchExchange(message: string): ExchangeLine | null {
  const { hcl, body } = splitPrefixes(message)
  if (body.startsWith('HTTP')) {
    return matchHttp(body, hcl)
  }
  if (body.startsWith('Job running: ') && body.includes('CrashUploader')) {
    const url = crashUploadUrl(body)
    return url === null ? null : { kind: 'crash', hcl: null, method: 'POST', url }
  }
  return null
}

function matchHttp(body: string, hcl: string | null): ExchangeLine | null {
  const c = body.charCodeAt(5)
  if (c === 114) {
    // "HTTP requesting …"
    const m = requestPattern.exec(body)
    if (!m) {
      return null
    }
    return m[1] !== undefined
      ? { kind: 'request', hcl, method: unknownMethod, url: m[1] }
      : { kind: 'request', hcl, method: m[2] as string, url: m[3] as string }
  }
  if (c === 101) {
    const m = errorPattern.exec(body)
    return m
      ? {
          kind: 'error',
          hcl,
          method: m[1] ?? unknownMethod,
          url: m[2] as string,
          error: (m[3] ?? 'error').trim(),
        }
      : null
  }
  const m = responsePattern.exec(body)
  return m
    ? {
        kind: 'response',
        hcl,
        method: m[2] ?? unknownMethod,
        url: m[3] as string,
        status: Number(m[1]),
      }
    : null
}
