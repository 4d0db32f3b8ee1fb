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

// Sticky patterns, tried at the body's offset in the whole line: no message or body is sliced
// off for them.
const requestPattern = /HTTP requesting (?:to: (\S+)|([A-Z]+) (\S+))/y
// The method is optional in responses and errors, as `to:` is in 2014 requests: tolerate both.
const responsePattern = /HTTP(?:\/[\d.]+ \([\d.]+s\))? (\d{3}) response from (?:([A-Z]+) )?(\S+)/y
const errorPattern = /HTTP error requesting (?:to: |([A-Z]+) )?(\S+)(?: (.*))?$/y

/**
 * Matches the message that starts at `from` in `line` as an outbound exchange: request,
 * response, error, or a crash-report upload job. The component prefixes (`[Req#1/HCl#2b]`,
 * `[HttpClient/HCl#31] `) are stepped over; the last `HCl#` id among them is the exchange's.
 * Anchored on the message body, so URLs quoted inside other messages (banners, `MyPlex: …
 * requesting JSON from:`, `using cached data for request for`) never match.
 */
export function matchExchangeAt(line: string, from: number): ExchangeLine | null {
  let body = from
  let hcl: string | null = null
  while (line.charCodeAt(body) === 91) {
    const close = line.indexOf('] ', body)
    if (close < 0) {
      break
    }
    const at = line.lastIndexOf('HCl#', close)
    if (at > body) {
      hcl = line.slice(at + 4, close)
    }
    body = close + 2
  }
  if (line.startsWith('HTTP', body)) {
    return matchHttp(line, body, hcl)
  }
  if (line.startsWith('Job running: ', body) && line.includes('CrashUploader', body)) {
    const url = crashUploadUrl(line.slice(body))
    return url === null ? null : { kind: 'crash', hcl: null, method: 'POST', url }
  }
  return null
}

function matchHttp(line: string, body: number, hcl: string | null): ExchangeLine | null {
  const c = line.charCodeAt(body + 5)
  if (c === 114) {
    // "HTTP requesting …"
    requestPattern.lastIndex = body
    const m = requestPattern.exec(line)
    if (!m) {
      return null
    }
    return m[1] !== undefined
      ? { kind: 'request', hcl, method: unknownMethod, url: m[1] }
      : { kind: 'request', hcl, method: m[2] as string, url: m[3] as string }
  }
  if (c === 101) {
    errorPattern.lastIndex = body
    const m = errorPattern.exec(line)
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
  responsePattern.lastIndex = body
  const m = responsePattern.exec(line)
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
