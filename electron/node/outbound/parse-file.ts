import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import type { OutboundEvent, SkipCounts } from '../../common/outbound/outbound-event'
import { LogParser, type ParseOp } from './log-parser'
import { OrderedEvents } from './ordered-events'

/** Bytes read per chunk. */
export const chunkBytes = 4 * 1024 * 1024

/**
 * Reads a file in chunks from `from` to its end and passes every chunk's parse ops to `onOps`;
 * `finish` also parses a last line without a newline (not for a file still being written).
 */
export async function readOps(
  path: string,
  parser: LogParser,
  onOps: (ops: ParseOp[]) => void | Promise<void>,
  from = 0,
  finish = true,
  chunk = chunkBytes,
): Promise<void> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.allocUnsafe(chunk)
    let position = from
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, chunk, position)
      if (bytesRead === 0) {
        break
      }
      position += bytesRead
      await onOps(parser.feed(buffer.subarray(0, bytesRead)))
    }
    if (finish) {
      await onOps(parser.finish())
    }
  } finally {
    await handle.close()
  }
}

/**
 * Parses whole log files into finished events in log order (nothing stored), streaming: `onEvents`
 * gets them in batches. Correlation and the banner's time zone carry over from one file to the next.
 */
export async function parseFiles(
  paths: readonly string[],
  onEvents: (events: OutboundEvent[]) => void,
): Promise<{ events: number; skipped: SkipCounts[] }> {
  const ordered = new OrderedEvents()
  const skipped: SkipCounts[] = []
  let events = 0
  let state = undefined as LogParser['state'] | undefined
  for (const path of paths) {
    const parser = new LogParser({ file: basename(path), state })
    await readOps(path, parser, ops => {
      const ready = ordered.push(ops)
      events += ready.length
      if (ready.length > 0) {
        onEvents(ready)
      }
    })
    state = parser.state
    skipped.push({ ...parser.skipped })
  }
  const rest = ordered.end()
  events += rest.length
  if (rest.length > 0) {
    onEvents(rest)
  }
  return { events, skipped }
}
