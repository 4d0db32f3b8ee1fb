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

/**
 * Per switch, the requests of its signatures the log holds (how many, and the newest), and the
 * same per background flow. Each distinct request target is named once, so this costs a pass over
 * the targets (a few thousand) and one indexed lookup per group, whatever the number of events.
 */
export function evidenceSummary(db: StoreDb): EvidenceSummary {
  const targets = db
    .prepare('SELECT id, method, url, events FROM targets WHERE events > 0')
    .all() as { id: number; method: string; url: string; events: number }[]
  const bySwitch = new Map<string, Group>()
  const byFlow = new Map<string, Group>()
  for (const target of targets) {
    const named = attributeRequest(target.method, target.url)
    if (named.kind === 'switch') {
      for (const id of signatureSwitches(named.signature)) {
        add(bySwitch, id, target.id, target.events)
      }
    } else if (named.kind === 'background') {
      add(byFlow, named.flow.id, target.id, target.events)
    }
  }
  const newest = (group: Group): StoredEvent | null => {
    const marks = group.targets.map(() => '?').join(',')
    const row = db
      .prepare(
        `SELECT ${eventColumns} FROM ${eventsJoined} WHERE e.target IN (${marks}) ORDER BY e.id DESC LIMIT 1`,
      )
      .get(...group.targets)
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
      latest: view(newest(group)),
    })),
    background: [...byFlow.entries()].map(([flowId, group]) => ({
      flowId: flowId as BackgroundFlowId,
      count: group.count,
      latest: view(newest(group)),
    })),
  }
}
