import { join } from 'node:path'
import * as z from 'zod'
import { readJsonFile, writeJsonFile } from '../files/json-file'

const seenSchema = z.object({
  version: z.string(),
  /** The version before the last change Hush noticed, and when it noticed it. */
  previousVersion: z.string().nullable(),
  changedAt: z.string().nullable(),
})

const fileSchema = z.object({ version: z.literal(1), servers: z.record(z.string(), seenSchema) })

/** The server version Hush saw last, and the update it noticed last. */
export type SeenVersion = z.infer<typeof seenSchema>

/**
 * `<stateDir>/watch/server-versions.json`: the last version of each server, so that a drift found
 * after an update (even one that happened while Hush was not running) can be put down to it.
 */
export interface ServerVersions {
  /** Records the version now seen; resolves to the record before (null the first time). */
  observe(
    serverId: string,
    version: string,
  ): Promise<{ before: SeenVersion | null; now: SeenVersion }>
}

/** Opens the version record in Hush's state folder. */
export function openServerVersions(stateDir: string, now: () => Date): ServerVersions {
  const path = join(stateDir, 'watch', 'server-versions.json')
  return {
    async observe(serverId, version) {
      const file = (await readJsonFile(path, fileSchema, { version: 1, servers: {} }, now)).value
      const before = file.servers[serverId] ?? null
      if (before?.version === version) {
        return { before, now: before }
      }
      const seen: SeenVersion = {
        version,
        previousVersion: before?.version ?? null,
        changedAt: before === null ? null : now().toISOString(),
      }
      await writeJsonFile(path, { version: 1, servers: { ...file.servers, [serverId]: seen } })
      return { before, now: seen }
    },
  }
}
