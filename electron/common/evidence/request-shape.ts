import { isLocalHost, urlParts } from '../outbound/url-parts'

/** What a request signature looks at: the method, where it goes, its path and its parameters. */
export interface RequestShape {
  readonly method: string
  /** Lower-case host without port. */
  readonly host: string
  readonly port: number | null
  readonly path: string
  /** Query parameters by lower-case name, values decoded (a name may repeat). */
  readonly params: ReadonlyMap<string, readonly string[]>
  /** False for loopback and private addresses (the request never leaves the LAN). */
  readonly upstream: boolean
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

/** The shape of a request from its method and (redacted) URL as the log shows it. */
export function requestShape(method: string, url: string): RequestShape {
  const parts = urlParts(url)
  const params = new Map<string, string[]>()
  if (parts.query !== '') {
    for (const pair of parts.query.split('&')) {
      if (pair === '') {
        continue
      }
      const eq = pair.indexOf('=')
      const name = decode(eq < 0 ? pair : pair.slice(0, eq)).toLowerCase()
      const value = eq < 0 ? '' : decode(pair.slice(eq + 1))
      params.set(name, [...(params.get(name) ?? []), value])
    }
  }
  return {
    method: method.toUpperCase(),
    host: parts.host,
    port: parts.port,
    path: parts.path,
    params,
    upstream: parts.host !== '' && !isLocalHost(parts.host),
  }
}
