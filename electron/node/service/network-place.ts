import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os'
import { ipv6Network } from '../witness/socket-address'

/** The interfaces of this computer, as `os.networkInterfaces()` reports them. */
export type InterfaceTable = NodeJS.Dict<NetworkInterfaceInfo[]>

/**
 * Where this computer is on the network, as one comparable string: its IPv4 addresses and the
 * IPv6 networks it is on. It changes when a laptop joins another network, and not when the
 * system rotates its temporary IPv6 addresses (they stay in their /64). Loopback and link-local
 * addresses say nothing about the network, so they are left out.
 */
export function networkPlace(interfaces: InterfaceTable = networkInterfaces()): string {
  const seen = new Set<string>()
  for (const infos of Object.values(interfaces)) {
    for (const info of infos ?? []) {
      if (info.internal) {
        continue
      }
      if (info.family === 'IPv4' && !info.address.startsWith('169.254.')) {
        seen.add(`${info.address}/${info.netmask}`)
      } else if (info.family === 'IPv6' && !/^fe[89ab]/i.test(info.address)) {
        seen.add(ipv6Network(info.address) ?? info.address)
      }
    }
  }
  return [...seen].sort().join(' ')
}

/** What watching the computer's place on the network needs. */
export interface NetworkPlaceWatch {
  /** Reads the place now (default: networkPlace of this computer). */
  readonly place?: () => string
  /** How often to look. */
  readonly everyMs: number
  /** The place differs from the last look: the computer joined another network. */
  readonly onMoved: () => void
}

/**
 * Looks at the computer's place on the network every `everyMs` and says when it moved. Reading
 * the interfaces is one system call and asks nothing of anyone; what to do about a move (ask
 * plex.tv whether a closer address of the server answers) is the caller's. Returns the stop.
 */
export function watchNetworkPlace(watch: NetworkPlaceWatch): () => void {
  const place = watch.place ?? (() => networkPlace())
  // Some sandboxes refuse to list the interfaces (uv_interface_addresses fails): then nothing is
  // known, no move is said, and Hush still finds a server gone at the drift watch's poll.
  const read = (): string | null => {
    try {
      return place()
    } catch {
      return null
    }
  }
  let last = read()
  const timer = setInterval(() => {
    const now = read()
    if (now === null) {
      return
    }
    if (last !== null && now !== last) {
      watch.onMoved()
    }
    last = now
  }, watch.everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
