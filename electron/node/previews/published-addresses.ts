import type { OutboundEvent } from '../../common/outbound/outbound-event'

/**
 * The connection URIs a server registered with plex.tv, read from its logged
 * `PUT https://plex.tv/devices/<id>?Connection[][uri]=…` requests (docs/server-reference.md §4.4).
 */
export function registeredUris(events: readonly OutboundEvent[]): string[] {
  const uris = new Set<string>()
  for (const event of events) {
    if (!/\/devices\//.test(event.url)) {
      continue
    }
    const query = event.url.split('?')[1] ?? ''
    for (const pair of query.split('&')) {
      const [name, value] = pair.split('=')
      if (value && decodeSafe(name ?? '') === 'Connection[][uri]') {
        uris.add(decodeSafe(value))
      }
    }
  }
  return [...uris]
}

/** The URLs of a comma-separated `customConnections` setting. */
export function customConnectionUrls(setting: string | null): string[] {
  return (setting ?? '')
    .split(',')
    .map(url => url.trim())
    .filter(url => url !== '')
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
