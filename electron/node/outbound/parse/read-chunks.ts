import { openRegularFileOrThrow } from '../../files/regular-file'

/** Bytes read per chunk by default. */
export const chunkBytes = 4 * 1024 * 1024

/** Where and how to read a file in chunks. */
export interface ReadChunks {
  readonly path: string
  /** The byte offset to start at. */
  readonly from?: number
  /** Bytes per chunk. */
  readonly chunk?: number
}

/**
 * Reads a file from `from` to its end, a chunk at a time, and hands each chunk to `onChunk`
 * (the buffer is reused: the handler must be done with it when it returns or resolves).
 *
 * The next chunk is read while the handler works on this one, into a second buffer: reading
 * (on libuv's threads) overlaps parsing, and the thread never waits on a read it could have
 * started earlier.
 */
export async function readChunks(
  { path, from = 0, chunk = chunkBytes }: ReadChunks,
  onChunk: (bytes: Buffer) => void | Promise<void>,
): Promise<void> {
  const handle = await openRegularFileOrThrow(path)
  // The buffer being read into, and the one the handler has (free before the first read).
  let reading = Buffer.allocUnsafe(chunk)
  let handed = Buffer.allocUnsafe(chunk)
  let next: Promise<{ bytesRead: number }> | null = null
  try {
    let position = from
    next = handle.read(reading, 0, chunk, position)
    for (;;) {
      const { bytesRead } = await next
      next = null
      if (bytesRead === 0) {
        break
      }
      position += bytesRead
      ;[handed, reading] = [reading, handed]
      next = handle.read(reading, 0, chunk, position)
      await onChunk(handed.subarray(0, bytesRead))
    }
  } finally {
    // A read still under way must end before its file is closed (a handler threw).
    await next?.catch(() => undefined)
    await handle.close()
  }
}
