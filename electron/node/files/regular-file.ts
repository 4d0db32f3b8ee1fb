import { constants, type Stats } from 'node:fs'
import { open, stat, type FileHandle } from 'node:fs/promises'
import { err, ok, type Result } from '../../common/util/result'
import { environmentFailure } from './system-error'

/** Why a file given by a path (or found in a folder) was not read. */
export interface FileProblem {
  /** `missing`: not there; `notRegular`: a FIFO, device, socket or folder; `tooLarge`: over the cap. */
  readonly code: 'missing' | 'notRegular' | 'tooLarge' | 'unreadable'
  /** One line for the owner, naming the file. */
  readonly message: string
  /** The system error code when there was one (ENOENT, EACCES, …). */
  readonly errno?: string
}

// O_NONBLOCK: opening a FIFO that no one writes to returns at once instead of waiting for a writer
// (the check after the open refuses it). O_NOCTTY: a terminal never becomes our controlling one.
const openFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0)

/** What a non-regular file is, in words: `a FIFO (named pipe)`, `a device`, … */
export function describeFileType(info: Stats): string {
  if (info.isFIFO()) {
    return 'a FIFO (named pipe)'
  }
  if (info.isCharacterDevice() || info.isBlockDevice()) {
    return 'a device'
  }
  if (info.isSocket()) {
    return 'a socket'
  }
  return info.isDirectory() ? 'a folder' : 'not a regular file'
}

function notRegular(path: string, info: Stats): FileProblem {
  return {
    code: 'notRegular',
    message: `${path} is ${describeFileType(info)}, not a regular file: Hush reads only regular files`,
  }
}

function failed(path: string, error: unknown): FileProblem {
  const errno = String((error as NodeJS.ErrnoException).code ?? 'error')
  const missing = errno === 'ENOENT' || errno === 'ENOTDIR'
  return {
    code: missing ? 'missing' : 'unreadable',
    message: missing ? `${path} does not exist` : `cannot read ${path} (${errno})`,
    errno,
  }
}

/**
 * Opens a file for reading only when it is a regular file. A FIFO, device or socket is refused
 * before it is opened (opening one can block for ever, or act on a device), and checked again on
 * the open handle so that a file swapped in between is refused too.
 */
export async function openRegularFile(path: string): Promise<Result<FileHandle, FileProblem>> {
  let info: Stats
  try {
    info = await stat(path)
  } catch (error) {
    return err(failed(path, error))
  }
  if (!info.isFile()) {
    return err(notRegular(path, info))
  }
  let handle: FileHandle
  try {
    handle = await open(path, openFlags)
  } catch (error) {
    return err(failed(path, error))
  }
  const opened = await handle.stat()
  if (!opened.isFile()) {
    await handle.close()
    return err(notRegular(path, opened))
  }
  return ok(handle)
}

/**
 * Like openRegularFile, for readers whose failures are exceptions (the log pipeline): throws an
 * environment failure (system-error.ts) with the one-line message, which the faces print as is.
 */
export async function openRegularFileOrThrow(path: string): Promise<FileHandle> {
  const opened = await openRegularFile(path)
  if (!opened.ok) {
    throw environmentFailure(opened.error.message)
  }
  return opened.value
}

/** Whether a path names a regular file (following links); false when it is missing. */
export async function isRegularFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/** A byte count for a message: `300 MB`, `8 MiB`. */
export function formatBytes(bytes: number): string {
  const mib = 1024 * 1024
  if (bytes >= mib) {
    const value = bytes / mib
    return `${Number.isInteger(value) ? value : value.toFixed(1)} MiB`
  }
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KiB` : `${bytes} bytes`
}

/**
 * Reads a whole regular file as UTF-8, refusing it (without reading it into memory) when it is
 * larger than `maxBytes`: `what` names it in the message (`a Preferences.xml`).
 */
export async function readRegularFile(
  path: string,
  maxBytes: number,
  what = 'this file',
): Promise<Result<string, FileProblem>> {
  const read = await readRegularFileBytes(path, maxBytes, what)
  return read.ok ? ok(read.value.toString('utf8')) : read
}

/** readRegularFile for bytes (a static file of the dashboard). */
export async function readRegularFileBytes(
  path: string,
  maxBytes: number,
  what = 'this file',
): Promise<Result<Buffer, FileProblem>> {
  const opened = await openRegularFile(path)
  if (!opened.ok) {
    return opened
  }
  const handle = opened.value
  const tooLarge = (size: number) =>
    err<FileProblem>({
      code: 'tooLarge',
      message: `${path} is ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} Hush reads of ${what}`,
    })
  try {
    const { size } = await handle.stat()
    if (size > maxBytes) {
      return tooLarge(size)
    }
    // One byte more than the size: a file that grew past the cap while it was read is refused too.
    const buffer = Buffer.alloc(size + 1)
    let length = 0
    for (;;) {
      const room = buffer.length - length
      const { bytesRead } = await handle.read(buffer, length, room, length)
      length += bytesRead
      if (bytesRead === 0 || length === buffer.length) {
        break
      }
    }
    if (length > size) {
      const grown = (await handle.stat()).size
      if (grown > maxBytes) {
        return tooLarge(grown)
      }
      return readRegularFileBytes(path, maxBytes, what)
    }
    return ok(buffer.subarray(0, length))
  } catch (error) {
    return err(failed(path, error))
  } finally {
    await handle.close()
  }
}
