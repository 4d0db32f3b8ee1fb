import type { Attribution, OwnedSocket } from './owned-socket'
import { tupleKey } from './owned-socket'
import type { PlexProcessId } from './plex-processes'
import type { Endpoint, Protocol, SocketState } from './socket-types'

/**
 * Every connection of the Plex processes seen so far, each kept once: a flow is opened the first
 * time a sample sees it, updated while samples keep seeing it, and closed by the first sample
 * that does not. Pure: the sampler gives it samples and the time.
 */

/** One connection of a Plex process, from the first sample that saw it to the last. */
export interface ConnectionFlow {
  /** Stable for the flow's life: protocol, ends and owner. */
  readonly id: string
  readonly processId: PlexProcessId | 'plex'
  readonly processLabel: string
  readonly attributedBy: Attribution
  readonly pid?: number
  readonly uid?: number
  readonly protocol: Protocol
  readonly local: Endpoint
  readonly remote: Endpoint
  readonly state: SocketState
  /** When a sample first and last saw it (ms since the epoch, Hush's clock). */
  readonly firstSeen: number
  readonly lastSeen: number
  /** When the first sample that no longer saw it ran; absent while it is open. */
  readonly closedAt?: number
  readonly bytesSent?: number
  readonly bytesReceived?: number
  readonly namespace?: string
}

/** What one sample changed. */
export interface FlowChanges {
  readonly opened: readonly ConnectionFlow[]
  /** Open flows whose state or byte counts moved. */
  readonly updated: readonly ConnectionFlow[]
  readonly closed: readonly ConnectionFlow[]
}

/** Options of a flow table. */
export interface FlowTableOptions {
  /** Closed flows kept (oldest dropped first; default 5,000). Open flows are all kept. */
  readonly maxClosed?: number
}

/** The flows of one witness. */
export interface FlowTable {
  readonly apply: (sockets: readonly OwnedSocket[], now: number) => FlowChanges
  /** Open flows, then the kept closed ones, each once. */
  readonly flows: () => readonly ConnectionFlow[]
}

/** The owner part of a key: the pid when known, else the uid. */
function ownerKey(socket: OwnedSocket): string {
  return socket.pid !== undefined ? `pid ${socket.pid}` : `uid ${socket.uid ?? '?'}`
}

/** Creates an empty flow table. */
export function createFlowTable(options: FlowTableOptions = {}): FlowTable {
  const maxClosed = options.maxClosed ?? 5_000
  const open = new Map<string, ConnectionFlow & { readonly inode?: number }>()
  const closed: ConnectionFlow[] = []
  let serial = 0
  return {
    apply: (sockets, now) => {
      const opened: ConnectionFlow[] = []
      const updated: ConnectionFlow[] = []
      const seen = new Set<string>()
      for (const socket of sockets) {
        const key = `${tupleKey(socket)} ${ownerKey(socket)} ${socket.namespace ?? ''}`
        if (seen.has(key)) {
          continue // the same socket twice in one sample (two tools, two fds): once
        }
        seen.add(key)
        const before = open.get(key)
        // The same ends on a new socket (a port used again): the old flow closed in between.
        const reused =
          before?.inode !== undefined && socket.inode !== undefined && before.inode !== socket.inode
        if (before && !reused) {
          const next = {
            ...before,
            state: socket.state,
            lastSeen: now,
            ...bytesOf(socket, before),
          }
          if (
            next.state !== before.state ||
            next.bytesSent !== before.bytesSent ||
            next.bytesReceived !== before.bytesReceived
          ) {
            updated.push(next)
          }
          open.set(key, next)
          continue
        }
        if (before) {
          closed.push({ ...before, closedAt: now })
        }
        serial += 1
        const flow: ConnectionFlow & { inode?: number } = {
          id: `${now.toString(36)}-${serial.toString(36)}`,
          processId: socket.processId,
          processLabel: socket.processLabel,
          attributedBy: socket.attributedBy,
          ...(socket.pid === undefined ? {} : { pid: socket.pid }),
          ...(socket.uid === undefined ? {} : { uid: socket.uid }),
          protocol: socket.protocol,
          local: socket.local,
          remote: socket.remote,
          state: socket.state,
          firstSeen: now,
          lastSeen: now,
          ...bytesOf(socket, undefined),
          ...(socket.namespace === undefined ? {} : { namespace: socket.namespace }),
          ...(socket.inode === undefined ? {} : { inode: socket.inode }),
        }
        open.set(key, flow)
        opened.push(publicFlow(flow))
      }
      const closedNow: ConnectionFlow[] = []
      for (const [key, flow] of open) {
        if (!seen.has(key)) {
          open.delete(key)
          closedNow.push(publicFlow({ ...flow, closedAt: now }))
        }
      }
      closed.push(...closedNow)
      if (closed.length > maxClosed) {
        closed.splice(0, closed.length - maxClosed)
      }
      return { opened, updated: updated.map(publicFlow), closed: closedNow }
    },
    flows: () => [...[...open.values()].map(publicFlow), ...closed],
  }
}

/** Byte counts only grow; a sample without them keeps the last ones. */
function bytesOf(
  socket: OwnedSocket,
  before: ConnectionFlow | undefined,
): Pick<ConnectionFlow, 'bytesSent' | 'bytesReceived'> {
  const sent = socket.bytesSent ?? before?.bytesSent
  const received = socket.bytesReceived ?? before?.bytesReceived
  return {
    ...(sent === undefined ? {} : { bytesSent: Math.max(sent, before?.bytesSent ?? 0) }),
    ...(received === undefined
      ? {}
      : { bytesReceived: Math.max(received, before?.bytesReceived ?? 0) }),
  }
}

function publicFlow(flow: ConnectionFlow & { readonly inode?: number }): ConnectionFlow {
  const { inode: _inode, ...rest } = flow
  return rest
}
