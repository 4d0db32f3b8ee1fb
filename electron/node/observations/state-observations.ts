import { join } from 'node:path'
import * as z from 'zod'
import { settingValueSchema } from '../../common/api/switch-schemas'
import type { SettingValue } from '../../common/switches/switch-types'
import { readJsonFile, writeJsonFile } from '../files/json-file'

/** A run of readings of one target that all found the same value, on the server's clock. */
export interface ObservedSpan {
  readonly value: SettingValue | null
  /** The first reading of the run (ms since the epoch, server clock). */
  readonly from: number
  /** The last reading of the run. */
  readonly to: number
}

/** One target's value as Hush read (or wrote) it. */
export interface TargetReading {
  /** The target's key: `pref:RelayEnabled`, `library:3:agent`, `account:privacy:optOutPlayback`, … */
  readonly key: string
  readonly value: SettingValue | null
}

const spanSchema = z.tuple([settingValueSchema.nullable(), z.number(), z.number()])
const fileSchema = z.object({
  version: z.literal(1),
  servers: z.record(z.string(), z.record(z.string(), z.array(spanSchema))),
})
type ObservationFile = z.infer<typeof fileSchema>

/** How many runs of readings are kept per target: the newest ones. */
const maxSpans = 400

/**
 * What Hush has seen of each switch target over time (`<stateDir>/switchboard/observations.json`):
 * when it first saw a value and until when it kept seeing it. Verification needs this for every
 * switch whose change the server's log does not show (account settings, values already set before
 * Hush ran, changes made while debug logging was off).
 */
export interface StateObservations {
  /** Records readings taken at one moment of the server's clock. */
  record(serverId: string, readings: readonly TargetReading[], serverMs: number): Promise<void>
  /** Every run of readings of a server, per target key, oldest first. */
  spans(serverId: string): Promise<ReadonlyMap<string, readonly ObservedSpan[]>>
}

/** Opens the observation file of Hush's state folder. */
export function openStateObservations(stateDir: string): StateObservations {
  const path = join(stateDir, 'switchboard', 'observations.json')
  const empty: ObservationFile = { version: 1, servers: {} }
  // Readings arrive from several faces at once (status, watch, apply): one write at a time.
  let queue: Promise<unknown> = Promise.resolve()
  const load = async (): Promise<ObservationFile> =>
    (await readJsonFile(path, fileSchema, empty)).value
  return {
    record(serverId, readings, serverMs) {
      const next = queue.then(async () => {
        const file = await load()
        const server = (file.servers[serverId] ??= {})
        for (const reading of readings) {
          const spans = (server[reading.key] ??= [])
          const last = spans.at(-1)
          if (last && last[0] === reading.value && serverMs >= last[2]) {
            last[2] = serverMs
          } else if (!last || serverMs >= last[2]) {
            spans.push([reading.value, serverMs, serverMs])
          }
          if (spans.length > maxSpans) {
            spans.splice(0, spans.length - maxSpans)
          }
        }
        await writeJsonFile(path, file)
      })
      queue = next.catch(() => undefined)
      return next
    },
    async spans(serverId) {
      await queue
      const server = (await load()).servers[serverId] ?? {}
      return new Map(
        Object.entries(server).map(([key, spans]) => [
          key,
          spans.map(([value, from, to]) => ({ value, from, to })),
        ]),
      )
    },
  }
}
