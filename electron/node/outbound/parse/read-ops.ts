import { open } from 'node:fs/promises'
import type { LogParser, ParseOp } from './log-parser'

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
