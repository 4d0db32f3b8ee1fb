import { createServer, type Server, type Socket } from 'node:net'

/**
 * Loopback listeners that stand in for the hosts a Plex server reaches (the relay, Sentry,
 * plex.tv, …), one address each in 127.0.0.0/8 so that an address names one host, as on the
 * Internet. Nothing leaves the machine. Each counts the bytes of every connection it accepts: the
 * other side of the demo's ground truth.
 */

/** One stand-in: the host it plays and where it listens. */
export interface StandIn {
  readonly host: string
  readonly address: string
  readonly port: number
}

/** Bytes a stand-in counted on one accepted connection, by the client's port. */
export interface StandInTraffic {
  /** What the client sent (the helper's bytes out). */
  readonly received: number
  /** What the stand-in answered (the helper's bytes in). */
  readonly sent: number
}

/** The stand-ins of one demo. */
export interface StandInHosts {
  /** The stand-in for a host, opened on first use. */
  readonly standInFor: (host: string) => Promise<StandIn>
  readonly list: () => readonly StandIn[]
  /** Bytes of the connection from this client end, if the stand-in saw it. */
  readonly traffic: (host: string, clientPort: number) => StandInTraffic | undefined
  readonly close: () => Promise<void>
}

/** What a stand-in answers to each request line (MODELLED size). */
const answerBytes = 512

/** The first loopback address handed out; 127.0.0.1 stays the demo server's. */
const firstAddress = 2

/** Opens no listener yet; each host gets one when first asked for (`onOpened` told of each). */
export function createStandInHosts(
  onOpened?: (standIns: readonly StandIn[]) => void,
): StandInHosts {
  const byHost = new Map<string, Promise<StandIn>>()
  const opened: StandIn[] = []
  const servers: Server[] = []
  const sockets = new Set<Socket>()
  const traffic = new Map<string, { received: number; sent: number }>()
  let next = firstAddress
  const listen = (host: string, address: string): Promise<StandIn> =>
    new Promise((resolve, reject) => {
      const server = createServer(socket => {
        sockets.add(socket)
        const counted = { received: 0, sent: 0 }
        traffic.set(`${host}|${socket.remotePort ?? 0}`, counted)
        socket.on('data', chunk => {
          counted.received += chunk.length
          // One answer per request line (a crash upload or a request ends with a newline).
          for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) {
            socket.write(Buffer.alloc(answerBytes, 121))
            counted.sent += answerBytes
          }
        })
        socket.on('end', () => socket.end())
        socket.on('error', () => undefined)
        socket.on('close', () => sockets.delete(socket))
      })
      server.once('error', reject)
      server.listen(0, address, () => {
        servers.push(server)
        const at = server.address()
        const standIn = { host, address, port: typeof at === 'object' && at ? at.port : 0 }
        opened.push(standIn)
        onOpened?.([...opened])
        resolve(standIn)
      })
    })
  return {
    standInFor: host => {
      let found = byHost.get(host)
      if (!found) {
        const address = `127.0.0.${next}`
        next = next >= 254 ? firstAddress : next + 1
        // Only Linux answers on all of 127.0.0.0/8 by default; elsewhere 127.0.0.1 serves every host.
        found = listen(host, address).catch(() => listen(host, '127.0.0.1'))
        byHost.set(host, found)
      }
      return found
    },
    list: () => [...opened],
    traffic: (host, clientPort) => traffic.get(`${host}|${clientPort}`),
    close: async () => {
      for (const socket of sockets) {
        socket.destroy()
      }
      await Promise.all(
        servers.map(server => new Promise<void>(done => server.close(() => done()))),
      )
    },
  }
}
