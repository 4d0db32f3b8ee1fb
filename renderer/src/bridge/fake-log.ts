import type {
  LogFilter,
  OutboundEventView,
  StoredEventView,
} from '../../../electron/common/api/log-schemas'
import type { OutboundCategory } from '../../../electron/common/outbound/categories'
import type { FakeHandlers } from './fake-bridge'

const kinds: readonly { category: OutboundCategory; host: string; path: string }[] = [
  {
    category: 'metadata-matching',
    host: 'metadata.provider.plex.tv',
    path: '/library/metadata/matches',
  },
  { category: 'account', host: 'plex.tv', path: '/api/v2/user' },
  { category: 'relay', host: 'relay.plex.tv', path: '/relay' },
  { category: 'crash-reports', host: 'o17675.ingest.sentry.io', path: '/api/minidump' },
  { category: 'local', host: '127.0.0.1', path: '/system/agents' },
]

const newest = Date.parse('2026-11-28T12:00:00Z')

/** The event at a position (0 is the newest) of a fake log of `total` events. */
export function fakeEvent(total: number, position: number): StoredEventView {
  const kind = kinds[position % kinds.length] ?? kinds[0]!
  return {
    id: total - position,
    time: new Date(newest - position * 60_000).toISOString(),
    localTime: false,
    witness: 'log',
    method: 'GET',
    url: `https://${kind.host}${kind.path}?n=${position}`,
    host: kind.host,
    upstream: kind.category !== 'local',
    status: 200,
    error: null,
    service: kind.host,
    category: kind.category,
    policyItem: 'collect-3',
    source: { file: 'Plex Media Server.log', line: position + 1 },
  }
}

function matches(event: OutboundEventView, filter: LogFilter): boolean {
  return (
    (!filter.category || event.category === filter.category) &&
    (!filter.host || event.host === filter.host) &&
    (!filter.search || event.url.includes(filter.search)) &&
    (!filter.since || event.time >= filter.since) &&
    (!filter.until || event.time <= filter.until)
  )
}

function isPlain(filter: LogFilter): boolean {
  return !filter.category && !filter.host && !filter.search && !filter.since && !filter.until
}

/** The outbound-log methods of the fake core, over `total` events made up on demand. */
export function fakeLogHandlers(
  total: number,
): Pick<FakeHandlers, `log.${string}` & keyof FakeHandlers> {
  function select(filter: LogFilter, before: number | undefined, offset: number, limit: number) {
    const start = before === undefined ? 0 : Math.max(0, total - before + 1)
    const events: StoredEventView[] = []
    if (isPlain(filter)) {
      for (let p = start + offset; p < Math.min(total, start + offset + limit); p++) {
        events.push(fakeEvent(total, p))
      }
      return events
    }
    let skipped = 0
    for (let p = start; p < total && events.length < limit; p++) {
      const event = fakeEvent(total, p)
      if (matches(event, filter)) {
        if (skipped < offset) skipped++
        else events.push(event)
      }
    }
    return events
  }
  function count(filter: LogFilter): number {
    if (isPlain(filter)) return total
    const onlyCategory = isPlain({ ...filter, category: undefined })
    const k = kinds.findIndex(kind => kind.category === filter.category)
    if (onlyCategory && k >= 0)
      return Math.max(0, Math.floor((total - k + kinds.length - 1) / kinds.length))
    let n = 0
    for (let p = 0; p < total; p++) if (matches(fakeEvent(total, p), filter)) n++
    return n
  }
  const stats = (filter: LogFilter) => {
    const byCategory = kinds.map(kind => ({
      category: kind.category,
      count: count({ ...filter, category: kind.category }),
    }))
    return {
      total: count(filter),
      byCategory,
      byHost: kinds.map((kind, i) => ({
        host: kind.host,
        category: kind.category,
        count: byCategory[i]?.count ?? 0,
      })),
      byDay: byCategory.map(c => ({ day: '2026-11-28', category: c.category, count: c.count })),
      byWitnessDay: [{ day: '2026-11-28', witness: 'log' as const, count: count(filter) }],
      skippedLines: 0,
      droppedEvents: 0,
    }
  }
  return {
    'log.page': query => {
      const events = select(query, query.before, query.offset ?? 0, query.limit ?? 200)
      return { events, nextBefore: events.at(-1)?.id ?? null }
    },
    'log.count': filter => ({ total: count(filter) }),
    'log.stats': filter => stats(filter),
    'log.event': ({ id }) => (id >= 1 && id <= total ? fakeEvent(total, total - id) : null),
    'log.export': ({ format, filter }) => {
      const events = select(filter, undefined, 0, 1000)
      return {
        format,
        fileName: `outbound.${format}`,
        content: events.map(e => e.url).join('\n'),
        count: events.length,
        next: null,
      }
    },
    'log.witness': () => ({
      state: 'watching',
      intervalSeconds: 2,
      since: new Date(newest - 3_600_000).toISOString(),
      notices: [],
      relay: {
        process: 'Plex Relay',
        host: 'relay.plex.tv',
        firstSeen: new Date(newest - 3_000_000).toISOString(),
        lastSeen: new Date(newest).toISOString(),
        closedAt: null,
        bytesSent: 1_200_000,
        bytesReceived: 3_400_000,
      },
      crashUploads: [],
      ownCalls: [],
    }),
    'log.import': () => ({
      ok: true,
      value: {
        files: 0,
        inserted: 0,
        answered: 0,
        duplicates: 0,
        dropped: 0,
        skipped: { malformed: 0, tooLong: 0, invalidUtf8: 0, notLogLine: 0 },
      },
    }),
    'log.evidence': () => {
      const latest = (position: number) => (total > position ? fakeEvent(total, position) : null)
      const share = (position: number) =>
        Math.floor((total + kinds.length - 1 - position) / kinds.length)
      return {
        switches: [
          { switchId: 'metadata-matching', count: share(0), latest: latest(0) },
          { switchId: 'relay', count: share(2), latest: latest(2) },
          { switchId: 'crash-reports', count: share(3), latest: latest(3) },
        ].filter(item => item.count > 0),
        background: [{ flowId: 'account' as const, count: share(1), latest: latest(1) }],
      }
    },
    'log.tailStatus': () => ({
      state: 'following',
      logsDir: '/var/lib/plexmediaserver/Logs',
      lastEventAt: null,
      debugLogging: true,
    }),
  }
}
