import { open } from 'node:fs/promises'
import { parseHeader, stripPastePrefix } from '../outbound/line-header'
import { bannerOffset, logTime } from '../outbound/log-time'

/** An inbound request that changed settings, as the server logged it, with the server's time. */
export interface ChangeAnchor {
  /** Epoch ms on the server's clock (a zone-less time read as UTC, as eventEpochMs does). */
  readonly epochMs: number
  readonly iso: string
  readonly method: string
  /** The path and query of the request. */
  readonly target: string
}

const requestPattern = /^(?:\[[^\]]*\] )?Request: \[[^\]]*\] (PUT|POST|DELETE) (\S+)/

/**
 * The settings changes the server logged (`Request: [ip:port (Loopback)] PUT /:/prefs?…`), oldest
 * first. They give the moment a switch changed on the server's own clock, which the outbound
 * events use too — a wall-clock time from Hush's audit trail would not match a server whose
 * clock differs (or the demo's faster simulated clock).
 */
export async function readChangeAnchors(paths: readonly string[]): Promise<ChangeAnchor[]> {
  const anchors: ChangeAnchor[] = []
  let offset: number | null = null
  for (const path of paths) {
    for await (const line of readLines(path)) {
      const header = parseHeader(stripPastePrefix(line))
      if (!header) {
        continue
      }
      offset = bannerOffset(header.message) ?? offset
      const match = requestPattern.exec(header.message)
      if (
        match &&
        (match[2]?.startsWith('/:/prefs') || match[2]?.startsWith('/library/sections/'))
      ) {
        const time = logTime(header.stamp, offset)
        anchors.push({
          epochMs: Date.parse(time.localTime ? `${time.iso}Z` : time.iso),
          iso: time.iso,
          method: match[1] ?? 'PUT',
          target: match[2] ?? '',
        })
      }
    }
  }
  return anchors
}

async function* readLines(path: string): AsyncGenerator<string> {
  let handle
  try {
    handle = await open(path, 'r')
  } catch {
    return
  }
  try {
    for await (const line of handle.readLines({ encoding: 'utf8' })) {
      yield line
    }
  } finally {
    await handle.close()
  }
}

/** Whether a logged request wrote one of these targets (`prefId`s, or a library's agent). */
export function anchorTouches(
  anchor: ChangeAnchor,
  prefIds: readonly string[],
  agent: boolean,
): boolean {
  const [path, query = ''] = anchor.target.split('?')
  const names = query.split('&').map(pair => safeDecode(pair.split('=')[0] ?? ''))
  if (path === '/:/prefs') {
    return names.some(name => prefIds.includes(name))
  }
  if (path?.startsWith('/library/sections/')) {
    return (
      (agent && names.includes('agent')) ||
      names.some(name => prefIds.some(id => name === `prefs[${id}]`))
    )
  }
  return false
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
