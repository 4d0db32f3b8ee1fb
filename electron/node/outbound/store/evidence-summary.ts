import type { EvidenceSummary } from '../../../common/api/log-schemas'
import { attributeRequest, signatureSwitches } from '../../../common/evidence/attribute-request'
import type { BackgroundFlowId } from '../../../common/evidence/background-flows'
import { eventColumns, eventsJoined, toStoredEvent, type StoredEvent } from './event-queries'
import type { StoreDb } from './open-store'

interface Group {
  count: number
  targets: number[]
}

function add(groups: Map<string, Group>, key: string, target: number, events: number): void {
  const group = groups.get(key) ?? { count: 0, targets: [] }
  group.count += events
  group.targets.push(target)
  groups.set(key, group)
}

/** What each target is evidence of (switch ids, or a background flow), by target id. */
interface Attributions {
  /** The largest target id named so far: targets are only ever added, and never change. */
  lastId: number
  readonly switches: Map<number, readonly string[]>
  readonly flows: Map<number, string>
  /** The newest event id of each group (`s:` switch id, `f:` flow id) as of `seenId`. */
  readonly newest: Map<string, number>
  seenId: number
}

// Per open store: naming a target parses its URL, so each target is named once per process.
const attributionsOf = new WeakMap<StoreDb, Attributions>()

function attributions(db: StoreDb): Attributions {
  let known = attributionsOf.get(db)
  if (!known) {
    known = { lastId: 0, switches: new Map(), flows: new Map(), newest: new Map(), seenId: 0 }
    attributionsOf.set(db, known)
  }
  const added = db
    .prepare('SELECT id, method, url FROM targets WHERE id > ? ORDER BY id')
    .raw()
    .all(known.lastId) as [number, string, string][]
  for (const [id, method, url] of added) {
    const named = attributeRequest(method, url)
    if (named.kind === 'switch') {
      known.switches.set(id, signatureSwitches(named.signature))
    } else if (named.kind === 'background') {
      known.flows.set(id, named.flow.id)
    }
    known.lastId = id
  }
  return known
}

/**
 * Per switch, the requests of its signatures the log holds (how many, and the newest), and the
 * same per background flow. Each target is named once per process (`attributions`), so this costs
 * a pass over the targets' counts and one indexed lookup per group's target, whatever the number
 * of events.
 */
export function evidenceSummary(db: StoreDb): EvidenceSummary {
  const named = attributions(db)
  const counts = db.prepare('SELECT id, events FROM targets WHERE events > 0').raw().all() as [
    number,
    number,
  ][]
  const bySwitch = new Map<string, Group>()
  const byFlow = new Map<string, Group>()
  for (const [target, events] of counts) {
    for (const id of named.switches.get(target) ?? []) {
      add(bySwitch, id, target, events)
    }
    const flow = named.flows.get(target)
    if (flow !== undefined) {
      add(byFlow, flow, target, events)
    }
  }
  // The newest event of each group, kept up to date from the events added since the last call;
  // a group whose remembered newest event is gone (retention) is looked up again, one index seek
  // per target, its ids as one JSON value (a group may hold more targets than SQLite takes
  // parameters).
  const newestId = db.prepare(
    `SELECT MAX((SELECT MAX(id) FROM events WHERE target = j.value)) FROM json_each(?) j`,
  )
  const exists = db.prepare('SELECT 1 FROM events WHERE id = ?').pluck()
  if (named.newest.size === 0) {
    // Nothing remembered yet: every group is looked up below; only later events are read.
    named.seenId = (db.prepare('SELECT MAX(id) FROM events').pluck().get() as number | null) ?? 0
  }
  const added = db
    .prepare('SELECT id, target FROM events WHERE id > ? ORDER BY id')
    .raw()
    .all(named.seenId) as [number, number][]
  for (const [id, target] of added) {
    for (const switchId of named.switches.get(target) ?? []) {
      named.newest.set(`s:${switchId}`, id)
    }
    const flow = named.flows.get(target)
    if (flow !== undefined) {
      named.newest.set(`f:${flow}`, id)
    }
    named.seenId = id
  }
  const byId = db.prepare(`SELECT ${eventColumns} FROM ${eventsJoined} WHERE e.id = ?`)
  const newest = (key: string, group: Group): StoredEvent | null => {
    let id = named.newest.get(key) ?? null
    if (id === null || exists.get(id) === undefined) {
      id = newestId.pluck().get(JSON.stringify(group.targets)) as number | null
      if (id !== null) {
        named.newest.set(key, id)
      }
    }
    const row = id === null ? undefined : byId.get(id)
    return row ? toStoredEvent(row as Parameters<typeof toStoredEvent>[0]) : null
  }
  const view = (event: StoredEvent | null) => {
    if (event === null) {
      return null
    }
    const { localTime, ...rest } = event
    return rest
  }
  return {
    switches: [...bySwitch.entries()].map(([switchId, group]) => ({
      switchId,
      count: group.count,
      latest: view(newest(`s:${switchId}`, group)),
    })),
    background: [...byFlow.entries()].map(([flowId, group]) => ({
      flowId: flowId as BackgroundFlowId,
      count: group.count,
      latest: view(newest(`f:${flowId}`, group)),
    })),
  }
}
