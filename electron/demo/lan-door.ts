import type { RequestListener, Server } from 'node:http'
import { listenDemo, portOf } from './http-server'

/**
 * The demo's address on the owner's home network: a second port on loopback that answers like
 * the first. The owner's computer can leave that network (the door closes: connections are
 * refused, as from a café) and come back (it opens again on the same port). plex.tv keeps listing
 * the address either way, as it lists a server's LAN addresses wherever the client is.
 */
export interface LanDoor {
  /** The door's port once it was first opened; null before. */
  readonly port: () => number | null
  readonly open: () => Promise<void>
  /** Refuses new connections and cuts the open ones, as leaving the network does. */
  readonly close: () => Promise<void>
}

/** Creates the (still closed) LAN door of a demo, answering with its handler. */
export function createLanDoor(listener: RequestListener): LanDoor {
  let server: Server | undefined
  let port: number | null = null
  // One change at a time: an open racing a close must not leave a listener nobody closes.
  let changing: Promise<void> = Promise.resolve()
  const change = (step: () => Promise<void>) => (changing = changing.then(step, step))
  return {
    port: () => port,
    open: () =>
      change(async () => {
        if (server === undefined) {
          server = await listenDemo(listener, port ?? 0)
          port = portOf(server)
        }
      }),
    close: () =>
      change(async () => {
        const closing = server
        server = undefined
        if (closing !== undefined) {
          closing.closeAllConnections()
          await new Promise<void>(resolve => closing.close(() => resolve()))
        }
      }),
  }
}
