import { open } from 'node:fs/promises'
import { parseHeader, stripPastePrefix } from '../outbound/parse/line-header'
import { bannerOffset, logTime } from '../outbound/parse/log-time'

/**
 * A request to the server that set values, as the server logged it (`Request: [ip:port (Subnet)]
 * PUT /:/prefs?RelayEnabled=0 …`; real inbound lines carry their query, reference §9.4).
 */
export interface SettingChange {
  /** On the log's clock: epoch ms, a zone-less time read as UTC (as eventEpochMs does). */
  readonly epochMs: number
  readonly iso: string
  /** The values it set, by target key (`pref:RelayEnabled`, `library:3:agent`, …), as sent. */
  readonly values: ReadonlyMap<string, string>
  /** The client's address as logged. */
  readonly client: string
}

/** A stretch of time in which the log cannot show what happened (epoch ms, log clock). */
export interface BlindSpan {
  readonly from: number
  /** Null while it lasts to the end of the log. */
  readonly to: number | null
  readonly why: 'debug-off' | 'restart'
}

/** What verification needs from the server's log besides its outbound requests. */
export interface LogFacts {
  readonly firstMs: number | null
  readonly lastMs: number | null
  readonly firstIso: string | null
  readonly lastIso: string | null
  /** The time of the last DEBUG line: the end of what a debug log can vouch for. */
  readonly lastDebugMs: number | null
  /** Whether every line's zone was known from a start-up banner. */
  readonly zoneKnown: boolean
  /** Start-up banners: a restart may come with settings edited in Preferences.xml meanwhile. */
  readonly restarts: readonly number[]
  readonly changes: readonly SettingChange[]
  /** While debug logging is off (or a restart has not logged at DEBUG yet), no change is logged. */
  readonly blind: readonly BlindSpan[]
}

// The client part may hold an IPv6 address in brackets: `[[::1]:13253 (Loopback)]`.
const requestPattern =
  /^(?:\[[^\]]*\] )?Request: \[((?:\[[^\]]*\]|[^\]])*)\] (PUT|POST|DELETE) (\S+)/

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

/** The target values a request to the server sets, by target key; empty for any other request. */
export function changedValues(target: string): Map<string, string> {
  const values = new Map<string, string>()
  const [path = '', query = ''] = target.split('?', 2)
  const pairs = query
    .split('&')
    .filter(pair => pair !== '')
    .map(pair => {
      const eq = pair.indexOf('=')
      return [decode(eq < 0 ? pair : pair.slice(0, eq)), eq < 0 ? '' : decode(pair.slice(eq + 1))]
    })
  if (path === '/:/prefs') {
    for (const [name, value] of pairs) {
      values.set(`pref:${name}`, value ?? '')
    }
    return values
  }
  const library = /^\/library\/sections\/([^/]+)(\/prefs)?$/.exec(path)
  if (library) {
    const section = library[1] ?? ''
    for (const [name = '', value = ''] of pairs) {
      const pref = /^prefs\[(.+)\]$/.exec(name)?.[1] ?? (library[2] ? name : undefined)
      if (name === 'agent' && !library[2]) {
        values.set(`library:${section}:agent`, value)
      } else if (pref !== undefined) {
        values.set(`library:${section}:pref:${pref}`, value)
      }
    }
  }
  return values
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

const isOff = (value: string | undefined): boolean =>
  value !== undefined && ['0', 'false'].includes(value.toLowerCase())

/** Reads the server's log files (oldest first) for restarts, logged setting changes and blind spans. */
export async function readLogFacts(paths: readonly string[]): Promise<LogFacts> {
  let offset: number | null = null
  let first: { ms: number; iso: string } | null = null
  let last: { ms: number; iso: string } | null = null
  let lastDebugMs: number | null = null
  let zoneKnown = true
  const restarts: number[] = []
  const changes: SettingChange[] = []
  const blind: { from: number; to: number | null; why: BlindSpan['why'] }[] = []
  let open: (typeof blind)[number] | null = null
  for (const path of paths) {
    for await (const raw of readLines(path)) {
      const header = parseHeader(stripPastePrefix(raw))
      if (!header) {
        continue
      }
      const banner = bannerOffset(header.message)
      offset = banner ?? offset
      const time = logTime(header.stamp, offset)
      const ms = offset === null ? time.wallMs : time.wallMs - offset * 60_000
      zoneKnown &&= !time.localTime
      first ??= { ms, iso: time.iso }
      last = { ms, iso: time.iso }
      if (banner !== null) {
        restarts.push(ms)
        open ??= { from: ms, to: null, why: 'restart' }
        if (!blind.includes(open)) {
          blind.push(open)
        }
      }
      if (header.level.toLowerCase() === 'debug' || header.level.toLowerCase() === 'verbose') {
        lastDebugMs = ms
        // The request that turned debug logging off may still finish at DEBUG a moment later: that
        // line does not mean debug logging is back on.
        const tailOfSwitchOff = open?.why === 'debug-off' && ms - open.from <= 1000
        if (open !== null && !tailOfSwitchOff) {
          open.to = ms
          open = null
        }
      }
      const request = requestPattern.exec(header.message)
      if (request) {
        const values = changedValues(request[3] ?? '')
        if (values.size > 0) {
          changes.push({ epochMs: ms, iso: time.iso, values, client: request[1] ?? '' })
          if (isOff(values.get('pref:logDebug'))) {
            open = { from: ms, to: null, why: 'debug-off' }
            blind.push(open)
          }
        }
      }
    }
  }
  // A blind span that a DEBUG line ended within a second of its start hid nothing.
  const spans = blind.filter(span => span.to === null || span.to - span.from > 1000)
  return {
    firstMs: first?.ms ?? null,
    lastMs: last?.ms ?? null,
    firstIso: first?.iso ?? null,
    lastIso: last?.iso ?? null,
    lastDebugMs,
    zoneKnown,
    restarts,
    changes,
    blind: spans,
  }
}

/**
 * Debug logging is off now, but the log may not say when it went off (the request that turned it
 * off can come too late to be logged at DEBUG). The log vouches that no setting changed up to its
 * last DEBUG line, or up to the last moment Hush itself read debug logging as on (`seenOnUntil`),
 * whichever is later; after that, only Hush's readings tell a setting's value.
 */
export function withDebugOffNow(facts: LogFacts, seenOnUntil: number | null): LogFacts {
  const lastLogged = facts.lastDebugMs ?? facts.firstMs
  if (lastLogged === null || facts.blind.some(span => span.to === null)) {
    return facts
  }
  // A reading is taken at one instant: the blind span starts just after it.
  const from = seenOnUntil === null ? lastLogged : Math.max(lastLogged, seenOnUntil + 1)
  return { ...facts, blind: [...facts.blind, { from, to: null, why: 'debug-off' }] }
}
