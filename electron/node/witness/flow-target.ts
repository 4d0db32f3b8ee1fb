import { classify } from '../../common/outbound/classify'
import type { OutboundCategory } from '../../common/outbound/categories'
import type { EventTarget } from '../../common/outbound/event-target'
import type { ConnectionFlow } from './flow-table'

/** Categories a process's connections belong to whatever their host: what the process is for. */
const categoryOfProcess: Partial<Record<ConnectionFlow['processId'], OutboundCategory>> = {
  relay: 'relay',
  'crash-uploader': 'crash-reports',
}

/**
 * What a connection was made to, as the ledger keeps targets: `TCP tcp://relay.plex.tv:443`, the
 * process as its service, a category from the process (the relay, the crash uploader) or else
 * from the host the way log events are classified (classify.ts). `host` is the remote end's name,
 * or its bare address when no fact names it.
 */
export function networkTarget(flow: ConnectionFlow, host: string): EventTarget {
  const name = host.toLowerCase()
  const { port } = flow.remote
  const shown = name.includes(':') ? `[${name}]` : name
  const classified = classify({ scheme: 'https', host: name, port, path: '', query: '' })
  return {
    method: flow.protocol.toUpperCase(),
    url: `${flow.protocol}://${shown}:${port}`,
    host: name,
    upstream: classified.upstream,
    service: flow.processLabel,
    category: categoryOfProcess[flow.processId] ?? classified.category,
    policyItem: null,
  }
}
