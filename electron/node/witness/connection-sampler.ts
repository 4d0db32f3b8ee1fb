import type { Collector } from './collector'
import { createFlowTable, type ConnectionFlow, type FlowChanges } from './flow-table'
import { notice, noticeKey, type WitnessNotice } from './witness-notice'

/** Options of a sampler. */
export interface SamplerOptions {
  readonly collect: Collector
  /** Seconds between samples (default 2). A connection shorter than this can be missed. */
  readonly intervalSeconds?: number
  readonly now?: () => number
  /** Told of every change a sample made (flows opened, updated, closed). */
  readonly onChanges?: (changes: FlowChanges) => void
  /** Told once of each thing the witness cannot see. */
  readonly onNotice?: (notice: WitnessNotice) => void
  /** Closed flows kept in memory (default 5,000). */
  readonly maxClosed?: number
}

/** A running witness of the Plex processes' connections. */
export interface ConnectionSampler {
  /** Samples every interval until stopped; the first sample at once. */
  readonly start: () => void
  readonly stop: () => void
  /** Takes one sample now (tests, and the first look); never throws. */
  readonly sampleOnce: () => Promise<FlowChanges>
  readonly flows: () => readonly ConnectionFlow[]
  /** Each thing the witness could not see, once, oldest first. */
  readonly notices: () => readonly WitnessNotice[]
  readonly intervalSeconds: number
}

const none: FlowChanges = { opened: [], updated: [], closed: [] }

/**
 * Samples the connections of the Plex processes every few seconds and keeps each flow once. A
 * sample that fails is said once and the next one runs; a sample still running when the next is
 * due makes that one wait (never two at once).
 */
export function createConnectionSampler(options: SamplerOptions): ConnectionSampler {
  const intervalSeconds = options.intervalSeconds ?? 2
  if (!(intervalSeconds > 0)) {
    throw new Error(`sampling interval must be positive, got ${intervalSeconds}`)
  }
  const now = options.now ?? Date.now
  const table = createFlowTable({ maxClosed: options.maxClosed })
  const said = new Map<string, WitnessNotice>()
  let timer: NodeJS.Timeout | undefined
  let running: Promise<FlowChanges> | undefined
  const say = (n: WitnessNotice): void => {
    const key = noticeKey(n)
    if (!said.has(key)) {
      said.set(key, n)
      options.onNotice?.(n)
    }
  }
  const sample = async (): Promise<FlowChanges> => {
    try {
      const found = await options.collect()
      for (const n of found.notices) {
        say(n)
      }
      const changes = table.apply(found.sockets, now())
      if (changes.opened.length + changes.updated.length + changes.closed.length > 0) {
        options.onChanges?.(changes)
      }
      return changes
    } catch (error) {
      // A bug in a reader, or a surprise from the system: said once, and the witness goes on.
      const message = error instanceof Error ? error.message : String(error)
      say(
        notice(
          'collector-failed',
          message.slice(0, 80),
          `a sample of the connections failed (${message}); the next one is tried`,
        ),
      )
      return none
    }
  }
  const sampleOnce = (): Promise<FlowChanges> => {
    running ??= sample().finally(() => {
      running = undefined
    })
    return running
  }
  return {
    intervalSeconds,
    start: () => {
      if (timer) {
        return
      }
      void sampleOnce()
      timer = setInterval(() => {
        if (!running) {
          void sampleOnce()
        }
      }, intervalSeconds * 1000)
      timer.unref()
    },
    stop: () => {
      clearInterval(timer)
      timer = undefined
    },
    sampleOnce,
    flows: () => table.flows(),
    notices: () => [...said.values()],
  }
}
