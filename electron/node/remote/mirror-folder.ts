import { join } from 'node:path'

/**
 * The folder that stands in for a server's data folder when the server runs on another machine:
 * `<stateDir>/pulled/<machineId>`, whose `Logs` the pulls fill with the server's own file names.
 * The id comes from the server; anything but letters, digits and dashes is replaced, so it can
 * never name a folder elsewhere.
 */
export function pulledServerDir(stateDir: string, machineId: string): string {
  return join(stateDir, 'pulled', machineId.replace(/[^A-Za-z0-9-]/g, '_') || '_')
}

/** A known server as far as where its files are goes. */
export interface ServerFiles {
  readonly id: string
  readonly demo: boolean
  /** Its data folder, when Hush can read it. */
  readonly dataDir: string | null
  /** How Hush reaches it when it was picked from the owner's servers on plex.tv. */
  readonly via: 'local' | 'remote' | 'relay' | null
}

/**
 * Whether a server is one the owner picked from plex.tv whose files Hush cannot read: its logs
 * are pulled. (A server added by address and token keeps working as before, without pulls.)
 */
export function isPulledServer(server: ServerFiles): boolean {
  return server.dataDir === null && !server.demo && server.via !== null
}

/**
 * The folder whose `Logs` Hush reads for a server: its data folder, or the mirror of its pulled
 * logs when it runs on another machine.
 */
export function serverLogRoot(stateDir: string, server: ServerFiles): string | null {
  return server.dataDir ?? (isPulledServer(server) ? pulledServerDir(stateDir, server.id) : null)
}

/** What Hush says where a server's own files would be needed (crash dumps, its preferences). */
export function needsServerFiles(name: string): string {
  return `${name} runs on another machine: this needs the server’s files, which Hush cannot read from here (run Hush on that machine, or pass --data-dir with its data folder)`
}
