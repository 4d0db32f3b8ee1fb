import type { DemoFlow, Gate } from './sent-record'
import type { TrafficEmitter } from './traffic-emitter'
import type { TrafficLibrary } from './traffic-types'
import { extrasUrl, legacyAgentUrls, matchBody, matchUrl, metadataUrl } from './traffic-urls'

/** A stable stand-in for a file's hash (the legacy agent looks files up by it). */
function fileHash(e: TrafficEmitter, file: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < file.length; i++) {
    h = Math.imul(h ^ file.charCodeAt(i), 0x01000193)
  }
  return `${(h >>> 0).toString(16).padStart(8, '0')}${e.options.machineIdentifier.slice(0, 32)}`
}

function matchItem(
  e: TrafficEmitter,
  library: TrafficLibrary,
  at: number,
  item: TrafficLibrary['items'][number],
  gates: readonly Gate[],
): number {
  const flow: DemoFlow = 'matching'
  if (library.agent.startsWith('tv.plex.agents.')) {
    at = e.request(at, {
      method: 'POST',
      url: matchUrl(),
      body: matchBody(library.type, library.location, item),
      flow,
      gates,
      component: 'MetadataAgentManager',
    })
    return e.request(at + 2, { method: 'GET', url: metadataUrl(item.guid), flow, gates })
  }
  for (const url of legacyAgentUrls(library.type, item, fileHash(e, item.file))) {
    at = e.request(at + 2, { method: 'GET', url, flow, gates })
  }
  return at
}

/**
 * A metadata refresh of the libraries the filter picks: for each item of a library whose agent asks
 * an internet service, its match and metadata, then its extras when the library finds extras.
 */
export function refreshLibraries(
  e: TrafficEmitter,
  time: number,
  pick: (libraryId: number) => boolean,
): void {
  let at = time
  const token = e.token()
  for (const library of e.world.libraries()) {
    const gates = [e.agentGate(library)]
    if (!pick(library.id) || !e.sends('matching', gates)) {
      continue
    }
    e.line(
      at,
      'DEBUG',
      `Activity: updated activity ${e.random.uuid()} - completed 0.0% - Refreshing`,
    )
    const video = library.type === 'movie' || library.type === 'show'
    const extrasGates = [e.agentGate(library), e.libraryPrefGate(library, 'useExternalExtras')]
    for (const item of library.items) {
      at = matchItem(e, library, at + e.random.int(5, 80), item, gates)
      if (
        video &&
        library.pref('useExternalExtras') !== undefined &&
        e.sends('extras', extrasGates)
      ) {
        at = e.request(at + 3, {
          method: 'GET',
          url: extrasUrl(item.guid, token),
          flow: 'extras',
          gates: extrasGates,
        })
      }
    }
  }
}
