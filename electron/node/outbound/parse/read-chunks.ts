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
 */
export async function readChunks(
  { path, from = 0, chunk = chunkBytes }: ReadChunks,
  onChunk: (bytes: Buffer) => void | Promise<void>,
): Promise<void> {
  const handle = await openRegularFileOrThrow(path)
  try {
    const buffer = Buffer.allocUnsafe(chunk)
    let position = from
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, chunk, position)
      if (bytesRead === 0) {
        break
      }
      position += bytesRead
      await onChunk(buffer.subarray(0, bytesRead))
    }
  } finally {
    await handle.close()
  }
}
