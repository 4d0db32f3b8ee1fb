import type { OutboundEventView } from '../../common/api/log-schemas'
import type { VerifyReport } from '../../common/api/preview-schemas'
import type { SwitchStatus } from '../../common/api/switch-schemas'
import type { OutboundCategory } from '../../common/outbound/categories'
import type { OutboundEvent } from '../../common/outbound/outbound-event'
import type { SwitchEntry } from '../../common/switches/switch-types'
import { eventEpochMs } from '../outbound/log-time'
import type { AuditEntry } from '../switches/switch-store'
import { anchorTouches, type ChangeAnchor } from './change-anchors'

/** How much debug log after a switch-off Hush needs before it vouches that nothing was sent. */
export const evidenceWindowMs = 60 * 60 * 1000

/** At most this many leaked events are listed per switch (the count is always given). */
export const listedLeaksMax = 50

/** Everything the verdicts are drawn from. */
export interface VerificationInput {
  readonly switches: readonly SwitchStatus[]
  readonly catalog: readonly SwitchEntry[]
  /** The server's outbound events, oldest first. */
  readonly events: readonly OutboundEvent[]
  readonly anchors: readonly ChangeAnchor[]
  readonly audit: readonly AuditEntry[]
  /** Whether the server's debug logging is on now (null: unknown). */
  readonly debugLogging: boolean | null
  readonly now: Date
}

/**
 * For each switch that is off: when it was turned off (the server's own log of the change, else
 * Hush's audit trail), the last event of its categories before that, and the events since.
 * `verified` needs an hour of debug log since the change with traffic in it, and none of its
 * categories; `leaking` lists what was sent anyway; otherwise `no-evidence` says why.
 */
export function verifySwitches(input: VerificationInput): VerifyReport {
  const entries = new Map(input.catalog.map(entry => [entry.id, entry]))
  const upstream = input.events.filter(event => event.upstream)
  const lastLoggedMs = upstream.length > 0 ? eventEpochMs(upstream.at(-1) as OutboundEvent) : null
  const results = input.switches
    .filter(status => status.state === 'off')
    .flatMap(status => {
      const entry = entries.get(status.id)
      return entry ? [verifyOne(entry, input, upstream, lastLoggedMs, entries)] : []
    })
  return { generatedAt: input.now.toISOString(), debugLogging: input.debugLogging, results }
}

function verifyOne(
  entry: SwitchEntry,
  input: VerificationInput,
  upstream: readonly OutboundEvent[],
  lastLoggedMs: number | null,
  entries: ReadonlyMap<string, SwitchEntry>,
): VerifyReport['results'][number] {
  const off = offSince(entry, input)
  const { categories, sharedWith } = ownCategories(entry, input, entries)
  const relevant = upstream.filter(event => categories.includes(event.category))
  const before = off ? relevant.filter(event => eventEpochMs(event) < off.ms).at(-1) : undefined
  const since = off ? relevant.filter(event => eventEpochMs(event) >= off.ms) : relevant
  const base = {
    switchId: entry.id,
    offSince: off?.iso ?? null,
    lastBefore: before ? toView(before, input.events.indexOf(before)) : null,
    eventsSince: since
      .slice(0, listedLeaksMax)
      .map(event => toView(event, input.events.indexOf(event))),
  }
  if (entry.categories.length === 0) {
    const account = entry.targets.every(target => target.kind.startsWith('account-'))
    return {
      ...base,
      verdict: 'no-evidence',
      note: account
        ? 'This is an account setting on plex.tv: the server’s log cannot show whether it is honoured.'
        : 'This switch changes nothing the server sends upstream, so its log has nothing to show.',
    }
  }
  if (categories.length === 0) {
    return {
      ...base,
      verdict: 'no-evidence',
      note: `Its requests look the same in the log as those of ${sharedWith.join(', ')}, which ${sharedWith.length > 1 ? 'are' : 'is'} on: turn ${sharedWith.length > 1 ? 'those' : 'it'} off too to verify this one.`,
    }
  }
  if (since.length > 0) {
    const when = off ? `since it was turned off (${off.iso})` : 'in the log, although it is off'
    return {
      ...base,
      verdict: 'leaking',
      note: `${since.length} request(s) of this kind were sent ${when}.`,
    }
  }
  if (input.debugLogging === false) {
    return {
      ...base,
      verdict: 'no-evidence',
      note: 'Debug logging is off, so the server does not log what it sends. Turn it on with `hush set debug-logging on` and check again later.',
    }
  }
  const fromMs = off?.ms ?? null
  const covered = lastLoggedMs !== null && fromMs !== null ? lastLoggedMs - fromMs : null
  if (covered === null || covered < evidenceWindowMs) {
    const minutes = covered === null ? 0 : Math.max(0, Math.floor(covered / 60_000))
    return {
      ...base,
      verdict: 'no-evidence',
      note:
        fromMs === null
          ? 'Hush does not know when this was turned off, and the log has no traffic to judge by.'
          : `Only ${minutes} minute(s) of debug log since it was turned off; Hush needs an hour of it. Check again later.`,
    }
  }
  const others = upstream.filter(event => eventEpochMs(event) >= (fromMs ?? 0)).length
  return {
    ...base,
    verdict: 'verified',
    note: `Nothing of this kind was sent since it was turned off; the log shows ${others} other request(s) in that time.`,
  }
}

/**
 * The categories whose traffic can be laid at this switch's door: those no other switch that is
 * on also produces. A switch that moves libraries to local agents stops its categories whatever
 * the others say (a metadata refresh or music enrichment goes through the agent), so it keeps all.
 */
function ownCategories(
  entry: SwitchEntry,
  input: VerificationInput,
  entries: ReadonlyMap<string, SwitchEntry>,
): { categories: readonly OutboundCategory[]; sharedWith: string[] } {
  if (entry.targets.some(target => target.kind === 'library-agent')) {
    return { categories: entry.categories, sharedWith: [] }
  }
  const others = input.switches
    .filter(status => status.id !== entry.id && (status.state === 'on' || status.state === 'mixed'))
    .flatMap(status => {
      const other = entries.get(status.id)
      return other ? [other] : []
    })
    .filter(other => other.categories.some(category => entry.categories.includes(category)))
  const taken = new Set(others.flatMap(other => other.categories))
  return {
    categories: entry.categories.filter(category => !taken.has(category)),
    sharedWith: others.map(other => other.title.en),
  }
}

/** When the switch was turned off: the server's log of the change first, else Hush's audit trail. */
function offSince(
  entry: SwitchEntry,
  input: VerificationInput,
): { ms: number; iso: string } | null {
  const prefIds = entry.targets.flatMap(target =>
    target.kind === 'server-pref'
      ? [target.prefId, ...(target.aliases ?? [])]
      : target.kind === 'library-pref'
        ? [target.prefId]
        : [],
  )
  const agent = entry.targets.some(target => target.kind === 'library-agent')
  const anchor = [...input.anchors].reverse().find(a => anchorTouches(a, prefIds, agent))
  if (anchor) {
    return { ms: anchor.epochMs, iso: anchor.iso }
  }
  const audited = [...input.audit]
    .reverse()
    .find(item => item.switchId === entry.id && item.outcome === 'applied')
  return audited ? { ms: Date.parse(audited.at), iso: audited.at } : null
}

function toView(event: OutboundEvent, index: number): OutboundEventView {
  return {
    id: index,
    time: event.time,
    method: event.method,
    url: event.url,
    host: event.host,
    upstream: event.upstream,
    status: event.status,
    error: event.error,
    service: event.service,
    category: event.category,
    policyItem: event.policyItem,
    source: { file: event.source.file, line: event.source.line },
  }
}
