import { createHash } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { maxRotations, rotatedLogName } from '../../../common/outbound/server-log-names'
import { isRegularFile, openRegularFileOrThrow } from '../../files/regular-file'

/** Bytes of a file's head that identify it across renames. */
export const headBytes = 1024

/** A file's head fingerprint: the hash of its first `length` bytes. */
export interface HeadPrint {
  readonly length: number
  readonly hash: string
}

/** Hashes the first `length` (at most headBytes) bytes of a file; null when it cannot be read. */
export async function readHeadPrint(path: string, length = headBytes): Promise<HeadPrint | null> {
  try {
    const handle = await openRegularFileOrThrow(path)
    try {
      const buffer = Buffer.alloc(length)
      const { bytesRead } = await handle.read(buffer, 0, length, 0)
      return {
        length: bytesRead,
        hash: createHash('sha1').update(buffer.subarray(0, bytesRead)).digest('hex'),
      }
    } finally {
      await handle.close()
    }
  } catch {
    return null
  }
}

/**
 * The server log files in a Logs folder, oldest first (`.5.log` … `.1.log`, then the live file).
 * Only regular files: a FIFO or device named like a log would block or act when read.
 */
export async function serverLogsOldestFirst(dir: string): Promise<string[]> {
  const names = new Set(await readdir(dir))
  const out: string[] = []
  for (let n = maxRotations; n >= 0; n--) {
    if (names.has(rotatedLogName(n)) && (await isRegularFile(join(dir, rotatedLogName(n))))) {
      out.push(join(dir, rotatedLogName(n)))
    }
  }
  return out
}
