/**
 * Masks what a shared report should not give away: the owner's addresses, the ids of library
 * items (a public metadata API turns them back into titles), file paths, and any query value that
 * is not one of a few plain technical ones. The host, the path's shape and the parameter names stay,
 * so a reader still sees where a request went and what kind it was.
 */

// Query values that say nothing about the owner or the library.
const plainParameters = new Set(
  [
    'X-Plex-Country',
    'X-Plex-Language',
    'type',
    'event',
    'version',
    'platform',
    'build',
    'channel',
    'distribution',
    'httpsEnabled',
    'httpsRequired',
    'includeProfiles',
    'includeProviders',
    'sessionStatus',
    'allowRetries',
    'vendor',
    'model',
    'X-Plex-Token',
    'auth_token',
  ].map(name => name.toLowerCase()),
)

const masked = '…'

function maskHost(host: string): string {
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(host) || host.includes(':')) {
    return masked
  }
  // `139-162-247-112.<hash>.plex.direct` spells an address and the server's certificate hash.
  return host.replace(/^[0-9a-f-]+\.[0-9a-f]+\.plex\.direct$/i, `${masked}.${masked}.plex.direct`)
}

function maskSegment(segment: string): string {
  const decoded = (() => {
    try {
      return decodeURIComponent(segment)
    } catch {
      return segment
    }
  })()
  // Long ids (item and server ids, hashes), anything with spaces, and file names.
  return /[0-9a-f]{12,}|tt\d{5,}|\s|\.[a-z0-9]{2,4}$/i.test(decoded) || decoded.length > 40
    ? masked
    : segment
}

/** A URL with the owner's details masked (see the module comment); anything unparsable is masked whole. */
export function maskUrlForSharing(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)([^?#]*)(\?[^#]*)?/i.exec(url)
  if (!match) {
    return masked
  }
  const [, scheme = '', authority = '', path = '', query = ''] = match
  const portAt = authority.lastIndexOf(':')
  const bracketed = authority.startsWith('[')
  const host = bracketed || portAt < 0 ? authority : authority.slice(0, portAt)
  const port = bracketed || portAt < 0 ? '' : authority.slice(portAt)
  const maskedPath = path
    .split('/')
    .map(segment => (segment === '' ? segment : maskSegment(segment)))
    .join('/')
  const maskedQuery =
    query === ''
      ? ''
      : `?${query
          .slice(1)
          .split('&')
          .map(pair => {
            const eq = pair.indexOf('=')
            const name = eq < 0 ? pair : pair.slice(0, eq)
            return eq < 0 || plainParameters.has(name.toLowerCase()) ? pair : `${name}=${masked}`
          })
          .join('&')}`
  return `${scheme}${bracketed ? masked : maskHost(host)}${port}${maskedPath}${maskedQuery}`
}
