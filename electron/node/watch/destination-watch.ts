import { join } from 'node:path'
import * as z from 'zod'
import type { OutboundLog } from '../outbound/outbound-log'
import { readJsonFile, writeJsonFile } from '../files/json-file'

/** A host (or a known host in a category) the outbound log had never shown before. */
export interface DiscoveredDestination {
  readonly host: string
  readonly category: string
}

const fileSchema = z.object({
  version: z.literal(1),
  /** When the first hosts were recorded without alerts; null until the log had any. */
  baselineAt: z.string().nullable(),
  /** Every upstream host seen, with the categories it was seen in. */
  hosts: z.record(z.string(), z.array(z.string())),
})

/** What the destination watch reads and whom it tells. */
export interface DestinationWatchOptions {
  readonly stateDir: string
  readonly log: Pick<OutboundLog, 'stats' | 'onRecorded'>
  readonly onDiscovered: (destination: DiscoveredDestination) => void
  readonly onError?: (error: unknown) => void
  /** Least time between two reads of the log's host list (it is a query over the whole log). */
  readonly minGapMs?: number
  readonly now?: () => Date
}

/** A running destination watch. */
export interface DestinationWatch {
  /** Compares the log's hosts with the seen set now; resolves to what was new. */
  readonly check: () => Promise<DiscoveredDestination[]>
  readonly stop: () => void
}

/**
 * Raises one alert the first time an upstream host appears in the outbound log, and one when a
 * known host appears in a category it was never seen in. The seen set lives in
 * `<stateDir>/watch/destinations.json` (the outbound store's schema stays the log's own).
 *
 * The very first time the log has any events, every host in it becomes the baseline without an
 * alert: the first import of a server's logs holds dozens of hosts, and a burst of notifications
 * about months-old traffic tells the owner nothing; the dashboard lists them all anyway. Every
 * host after that raises exactly one alert.
 */
export function startDestinationWatch(options: DestinationWatchOptions): DestinationWatch {
  const now = options.now ?? (() => new Date())
  const path = join(options.stateDir, 'watch', 'destinations.json')
  const minGapMs = options.minGapMs ?? 5_000
  let running: Promise<DiscoveredDestination[]> = Promise.resolve([])
  let timer: NodeJS.Timeout | undefined
  let lastCheck = 0
  let stopped = false

  async function compare(): Promise<DiscoveredDestination[]> {
    lastCheck = Date.now()
    const empty = { version: 1 as const, baselineAt: null, hosts: {} }
    const seen = (await readJsonFile(path, fileSchema, empty, now)).value
    const rows = options.log.stats({ upstreamOnly: true }).byHost
    if (rows.length === 0) {
      return []
    }
    const baseline = seen.baselineAt === null
    const hosts: Record<string, string[]> = { ...seen.hosts }
    const found: DiscoveredDestination[] = []
    const newHosts = new Set<string>()
    for (const row of rows) {
      const known = hosts[row.host]
      if (known === undefined) {
        hosts[row.host] = [row.category]
        newHosts.add(row.host)
        found.push({ host: row.host, category: row.category })
      } else if (!known.includes(row.category)) {
        hosts[row.host] = [...known, row.category]
        // A host new in this very check raised its one alert already.
        if (!newHosts.has(row.host)) {
          found.push({ host: row.host, category: row.category })
        }
      }
    }
    if (found.length === 0 && !baseline) {
      return []
    }
    await writeJsonFile(path, {
      version: 1,
      baselineAt: seen.baselineAt ?? now().toISOString(),
      hosts,
    })
    if (baseline) {
      return []
    }
    for (const destination of found) {
      options.onDiscovered(destination)
    }
    return found
  }

  function check(): Promise<DiscoveredDestination[]> {
    running = running.then(compare, () => compare())
    return running
  }

  const stopRecorded = options.log.onRecorded(() => {
    if (stopped || timer !== undefined) {
      return
    }
    // Several polls in a row (an import) make one read of the host list, at most every minGapMs.
    const wait = Math.max(0, lastCheck + minGapMs - Date.now())
    timer = setTimeout(() => {
      timer = undefined
      check().catch(options.onError ?? (() => undefined))
    }, wait)
  })

  return {
    check,
    stop() {
      stopped = true
      clearTimeout(timer)
      stopRecorded()
    },
  }
}
