/** The parts of a URL that classification needs; parsed by hand because log URLs are not always valid WHATWG URLs. */
export interface UrlParts {
  readonly scheme: string
  /** Lower-case host without port or brackets; empty when the URL has none. */
  readonly host: string
  readonly port: number | null
  /** The path, starting with `/` (or empty). */
  readonly path: string
  /** The query string without its `?` (empty when there is none). */
  readonly query: string
}

/** Splits a URL from a log line into scheme, host, port and path. */
export function urlParts(url: string): UrlParts {
  const schemeEnd = url.indexOf('://')
  if (schemeEnd < 0) {
    const q = url.indexOf('?')
    return {
      scheme: '',
      host: '',
      port: null,
      path: q < 0 ? url : url.slice(0, q),
      query: q < 0 ? '' : url.slice(q + 1),
    }
  }
  const scheme = url.slice(0, schemeEnd).toLowerCase()
  const start = schemeEnd + 3
  let end = url.length
  for (let i = start; i < url.length; i++) {
    const c = url.charCodeAt(i)
    if (c === 47 || c === 63 || c === 35) {
      end = i
      break
    }
  }
  let authority = url.slice(start, end)
  const at = authority.lastIndexOf('@')
  if (at >= 0) {
    authority = authority.slice(at + 1)
  }
  let host = authority
  let port: number | null = null
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']')
    host = authority.slice(1, close < 0 ? undefined : close)
    const rest = close < 0 ? '' : authority.slice(close + 1)
    port = rest.startsWith(':') ? toPort(rest.slice(1)) : null
  } else {
    const colon = authority.lastIndexOf(':')
    if (colon >= 0) {
      host = authority.slice(0, colon)
      port = toPort(authority.slice(colon + 1))
    }
  }
  const queryAt = url.indexOf('?', end)
  const hashAt = url.indexOf('#', end)
  const pathEnd = Math.min(queryAt < 0 ? url.length : queryAt, hashAt < 0 ? url.length : hashAt)
  const query =
    queryAt < 0 || queryAt > pathEnd
      ? ''
      : url.slice(queryAt + 1, hashAt < 0 || hashAt < queryAt ? url.length : hashAt)
  return { scheme, host: host.toLowerCase(), port, path: url.slice(end, pathEnd), query }
}

function toPort(text: string): number | null {
  const n = Number(text)
  return text !== '' && Number.isInteger(n) && n >= 0 && n < 65536 ? n : null
}

/**
 * Whether a host stays on the machine or the LAN: loopback, RFC 1918 and link-local addresses,
 * IPv6 unique-local, `localhost`, `*.local`, and `*.plex.direct` names that embed a private address.
 */
export function isLocalHost(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) {
    return true
  }
  if (host.endsWith('.plex.direct')) {
    // `192-168-1-5.<hash>.plex.direct` resolves to the address its first label spells.
    const label = host.slice(0, host.indexOf('.'))
    return isPrivateIpv4(label.replace(/-/g, '.'))
  }
  if (host.includes(':')) {
    const h = host.toLowerCase()
    return h === '::1' || h.startsWith('fc') || h.startsWith('fd') || h.startsWith('fe80:')
  }
  return isPrivateIpv4(host)
}

function isPrivateIpv4(text: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text)
  if (!m) {
    return false
  }
  const a = Number(m[1])
  const b = Number(m[2])
  return (
    a === 127 ||
    a === 10 ||
    a === 0 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    (a === 100 && b >= 64 && b <= 127)
  )
}
