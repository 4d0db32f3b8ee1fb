import type { EvidenceSummary } from '../../../common/api/log-schemas'
import type { BackgroundFlowId } from '../../../common/evidence/background-flows'
import { targetNames, type TargetNames } from './evidence-names'
import { eventColumns, eventsJoined, toStoredEvent, type StoredEvent } from './event-queries'
import type { StoreDb } from './open-store'

interface Group {
  count: number
  targets: number[]
}

/** The groups a target's name puts it in: `s:<switch id>` for each switch, `f:<flow id>`. */
function groupKeys(name: string): string[] {
  if (name.startsWith('s:')) {
    return name
      .slice(2)
      .split(',')
      .map(id => `s:${id}`)
  }
  return name.startsWith('f:') ? [name] : []
}

function add(groups: Map<string, Group>, name: string, targets: number[], events: number): void {
  for (const key of groupKeys(name)) {
    const group = groups.get(key) ?? { count: 0, targets: [] }
    group.count += events
    group.targets.push(...targets)
    groups.set(key, group)
  }
}

/** How many events each group holds, and the targets in it. */
function countGroups(db: StoreDb, names: TargetNames): Map<string, Group> {
  const groups = new Map<string, Group>()
  // Stored names: one row per distinct name, counted by SQLite.
  const stored = db
    .prepare(
      `SELECT te.names, SUM(t.events), json_group_array(t.id)
       FROM target_evidence te JOIN targets t ON t.id = te.target
       WHERE te.target <= ? AND te.names <> '' AND t.events > 0 GROUP BY te.names`,
    )
    .raw()
    .all(names.storedThrough) as [string, number, string][]
  for (const [name, events, ids] of stored) {
    add(groups, name, JSON.parse(ids) as number[], events)
  }
  // The names this process could not store yet.
  if (names.unstored.size > 0) {
    const rows = db
      .prepare('SELECT id, events FROM targets WHERE id > ? AND events > 0')
      .raw()
      .all(names.storedThrough) as [number, number][]
    for (const [id, events] of rows) {
      add(groups, names.unstored.get(id) ?? '', [id], events)
    }
  }
  return groups
}

// Per open store: the newest event of each group as of `seenId`.
const newestOf = new WeakMap<StoreDb, { readonly newest: Map<string, number>; seenId: number }>()

/** Brings the remembered newest event of each group up to date with the events added since. */
function followNewest(db: StoreDb, names: TargetNames) {
  const known = newestOf.get(db) ?? { newest: new Map<string, number>(), seenId: 0 }
  newestOf.set(db, known)
  const top = (db.prepare('SELECT MAX(id) FROM events').pluck().get() as number | null) ?? 0
  if (known.newest.size > 0 && top > known.seenId) {
    const note = (name: string, id: number) =>
      groupKeys(name).forEach(key =>
        known.newest.set(key, Math.max(known.newest.get(key) ?? 0, id)),
      )
    const stored = db
      .prepare(
        `SELECT te.names, MAX(e.id) FROM events e JOIN target_evidence te ON te.target = e.target
         WHERE e.id > ? AND e.id <= ? AND te.target <= ? AND te.names <> '' GROUP BY te.names`,
      )
      .raw()
      .all(known.seenId, top, names.storedThrough) as [string, number][]
    stored.forEach(([name, id]) => note(name, id))
    if (names.unstored.size > 0) {
      const rows = db
        .prepare('SELECT id, target FROM events WHERE id > ? AND id <= ? AND target > ?')
        .raw()
        .all(known.seenId, top, names.storedThrough) as [number, number][]
      rows.forEach(([id, target]) => note(names.unstored.get(target) ?? '', id))
    }
  }
  // With nothing remembered yet, every group is looked up when asked; only later events are read.
  known.seenId = top
  return known.newest
}

/**
 * Per switch, the requests of its signatures the log holds (how many, and the newest), and the
 * same per background flow. Each target is named once, and the name stored for every later
 * process (evidence-names.ts); SQLite counts the groups, so this costs one grouped pass over the
 * targets and one indexed lookup per group's target, whatever the number of events.
 */
export function evidenceSummary(db: StoreDb): EvidenceSummary {
  const names = targetNames(db)
  const groups = countGroups(db, names)
  const remembered = followNewest(db, names)
  // A group whose remembered newest event is gone (retention) is looked up again, one index seek
  // per target, its ids as one JSON value (a group may hold more targets than SQLite takes
  // parameters).
  const newestId = db.prepare(
    `SELECT MAX((SELECT MAX(id) FROM events WHERE target = j.value)) FROM json_each(?) j`,
  )
  const exists = db.prepare('SELECT 1 FROM events WHERE id = ?').pluck()
  const byId = db.prepare(`SELECT ${eventColumns} FROM ${eventsJoined} WHERE e.id = ?`)
  const latest = (key: string, group: Group) => {
    let id = remembered.get(key) ?? null
    if (id === null || exists.get(id) === undefined) {
      id = newestId.pluck().get(JSON.stringify(group.targets)) as number | null
      if (id !== null) {
        remembered.set(key, id)
      }
    }
    const row = id === null ? undefined : byId.get(id)
    if (row === undefined) {
      return null
    }
    const { localTime, ...view } = toStoredEvent(row as Parameters<typeof toStoredEvent>[0])
    return view satisfies Omit<StoredEvent, 'localTime'>
  }
  // In one order whichever way the names were counted.
  const entries = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return {
    switches: entries
      .filter(([key]) => key.startsWith('s:'))
      .map(([key, group]) => ({
        switchId: key.slice(2),
        count: group.count,
        latest: latest(key, group),
      })),
    background: entries
      .filter(([key]) => key.startsWith('f:'))
      .map(([key, group]) => ({
        flowId: key.slice(2) as BackgroundFlowId,
        count: group.count,
        latest: latest(key, group),
      })),
  }
}
