import { join } from 'node:path'
import * as z from 'zod'
import { readJsonFile, writeJsonFile } from '../files/json-file'

const knownServerRecordSchema = z.object({
  id: z.string(),
  url: z.string(),
  name: z.string(),
  demo: z.boolean(),
  /** The server's data folder, when Hush can read it (local or demo server). */
  dataDir: z.string().nullable(),
  /** How Hush reaches a server it found through plex.tv (null: added by address, or local). */
  via: z.enum(['local', 'remote', 'relay']).nullable().default(null),
})

const fileSchema = z.object({
  activeId: z.string().nullable(),
  servers: z.array(knownServerRecordSchema),
})

/** Where the token of a known server is kept in the SecretStore. */
export function serverTokenKey(serverId: string): string {
  return `server:${serverId}`
}

/** A server Hush has connected to; its token is kept apart, in the SecretStore. */
export type KnownServerRecord = z.output<typeof knownServerRecordSchema>

/** The servers Hush knows, and which one is active. */
export type KnownServers = z.infer<typeof fileSchema>

/**
 * Reads `<stateDir>/servers.json`; a missing file is an empty list, and a corrupt one is moved
 * aside (so a later write cannot lose it) and read as an empty list.
 */
export async function readKnownServers(stateDir: string): Promise<KnownServers> {
  const read = await readJsonFile(join(stateDir, 'servers.json'), fileSchema, {
    activeId: null,
    servers: [],
  })
  return read.value
}

/** Records a server (replacing one with the same id) and makes it the active one. */
export async function rememberServer(
  stateDir: string,
  record: KnownServerRecord,
): Promise<KnownServers> {
  const current = await readKnownServers(stateDir)
  const next: KnownServers = {
    activeId: record.id,
    servers: [...current.servers.filter(server => server.id !== record.id), record],
  }
  await writeJsonFile(join(stateDir, 'servers.json'), next)
  return next
}
