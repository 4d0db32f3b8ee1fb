import { basename } from 'node:path'
import {
  emptySkipCounts,
  type OutboundEvent,
  type SkipCounts,
} from '../../../common/outbound/outbound-event'
import type { ParserState } from './log-parser'
import { OrderedEvents } from './ordered-events'
import { parseBatches, type ParsedOn, type ParseThreads } from './parse-batches'
import { chunkBytes } from './read-chunks'
import { readPiece } from './read-piece'

/**
 * Parses whole log files into finished events in log order (nothing stored), streaming: `onEvents`
 * gets them in batches. Correlation and the banner's time zone carry over from one file to the next.
 * `parsedOn` says, for each file, on which thread it was parsed.
 */
export async function parseFiles(
  paths: readonly string[],
  onEvents: (events: OutboundEvent[]) => void,
  threads?: ParseThreads,
): Promise<{ events: number; skipped: SkipCounts[]; parsedOn: ParsedOn[] }> {
  const ordered = new OrderedEvents()
  const skipped: SkipCounts[] = []
  const parsedOn: ParsedOn[] = []
  let events = 0
  let state: ParserState | undefined
  for (const path of paths) {
    let counts = emptySkipCounts()
    const job = { path, file: basename(path), state, batchBytes: chunkBytes }
    const on = await parseBatches(
      job,
      batch => {
        const ready = ordered.push(batch.pieces.flatMap(piece => readPiece(piece, batch.targets)))
        events += ready.length
        if (ready.length > 0) {
          onEvents(ready)
        }
        state = batch.state
        counts = batch.skipped
      },
      threads,
    )
    parsedOn.push(on)
    skipped.push(counts)
  }
  const rest = ordered.end()
  events += rest.length
  if (rest.length > 0) {
    onEvents(rest)
  }
  return { events, skipped, parsedOn }
}
