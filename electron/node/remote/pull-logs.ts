import { randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import yauzl from 'yauzl'
import { appError, type AppError } from '../../common/api/errors'
import { err, ok, type Result } from '../../common/util/result'
import { privateFileMode } from '../files/private-files'
import { formatBytes } from '../files/regular-file'
import { serverLogsOldestFirst } from '../outbound/import/log-files'
import { plexFetch, type PlexHttpConfig } from '../server/plex-http'

/** Limits of one pull, all documented in SECURITY.md. */
export interface PullLimits {
  /** The most of the zip Hush downloads. */
  readonly maxZipBytes: number
  /** The most one log file may unpack to. */
  readonly maxEntryBytes: number
  /** The most the whole zip may unpack to. */
  readonly maxTotalBytes: number
}

/**
 * A server keeps its current log and five rotated ones of up to a few MiB each (reference §3.3);
 * a debug log can be larger, and the zip holds other logs too. These limits leave room for that
 * and stop a zip that would fill the disk or memory.
 */
export const defaultPullLimits: PullLimits = {
  maxZipBytes: 256 * 1024 * 1024,
  maxEntryBytes: 128 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
}

/** What a pull left in the mirror folder. */
export interface PulledLogs {
  /** The server's logs, oldest first, ready for the same import as local files. */
  readonly files: readonly string[]
  readonly bytes: number
}

/** The logs Hush imports: the server's own log and its rotations (`Plex Media Server.N.log`). */
const serverLog = /^Plex Media Server(?:\.\d+)?\.log$/

const failed = (reason: string): Result<never, AppError> =>
  err(appError('logPullFailed', `the server's logs could not be pulled: ${reason}`))

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  )
}

/**
 * Unpacks the server's logs of a zip into `.part` files beside their final names; throws on any
 * fault of the zip (yauzl refuses entries whose names leave the folder, and checks sizes), or
 * when an entry or the whole grows past the limits.
 */
async function unpack(zipPath: string, into: string, limits: PullLimits): Promise<string[]> {
  const zip = await openZip(zipPath)
  const parts: string[] = []
  let total = 0
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject)
    zip.on('end', () => resolve())
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = basename(entry.fileName)
      if (entry.fileName.endsWith('/') || !serverLog.test(name)) {
        zip.readEntry()
        return
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error) {
          reject(error)
          return
        }
        const part = join(into, `${name}.part`)
        parts.push(part)
        void (async () => {
          const handle = await open(part, 'w', privateFileMode)
          let size = 0
          try {
            for await (const chunk of stream as AsyncIterable<Buffer>) {
              size += chunk.length
              total += chunk.length
              if (size > limits.maxEntryBytes || total > limits.maxTotalBytes) {
                stream.destroy()
                throw new Error(
                  `it unpacks to more than ${formatBytes(size > limits.maxEntryBytes ? limits.maxEntryBytes : limits.maxTotalBytes)}`,
                )
              }
              await handle.write(chunk)
            }
          } finally {
            await handle.close()
          }
          zip.readEntry()
        })().catch(reject)
      })
    })
    zip.readEntry()
  }).catch(async (error: unknown) => {
    zip.close()
    await Promise.all(parts.map(part => rm(part, { force: true })))
    throw error
  })
  return parts
}

/** Whether a file begins with a zip's local header (`PK\x03\x04`): a zip, maybe a broken one. */
async function startsLikeZip(path: string): Promise<boolean> {
  const handle = await open(path, 'r')
  try {
    const head = Buffer.alloc(4)
    await handle.read(head, 0, 4, 0)
    return head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))
  } finally {
    await handle.close()
  }
}

/**
 * Pulls a server's logs through `GET /diagnostics/logs` (reference §9.6): the zip is downloaded to
 * a private temporary file (capped), its server logs unpacked beside the mirror's files and then
 * put in place, each by a rename, so a pull that fails at any point leaves the mirror as it was. The
 * mirror keeps the server's file names, so the import's cursors (by path and head) carry on where
 * the last pull stopped and nothing is stored twice.
 */
export async function pullServerLogs(
  http: PlexHttpConfig,
  into: string,
  limits: PullLimits = defaultPullLimits,
): Promise<Result<PulledLogs, AppError>> {
  await mkdir(into, { recursive: true, mode: 0o700 })
  const zipPath = join(into, `.pull-${randomBytes(6).toString('hex')}.zip`)
  const file = await open(zipPath, 'w', privateFileMode)
  let downloaded
  try {
    downloaded = await plexFetch(
      { ...http, timeoutMs: Math.max(http.timeoutMs, 120_000) },
      {
        path: '/diagnostics/logs',
        maxBytes: limits.maxZipBytes,
        sink: async chunk => {
          await file.write(chunk)
        },
      },
    )
  } finally {
    await file.close()
  }
  try {
    if (!downloaded.ok) {
      return downloaded.error.kind === 'badResponse' && /larger than/.test(downloaded.error.message)
        ? failed(`the zip is larger than ${formatBytes(limits.maxZipBytes)}`)
        : err(downloaded.error)
    }
    let parts: string[]
    try {
      parts = await unpack(zipPath, into, limits)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return failed(
        /invalid relative path|absolute path|invalid characters/i.test(reason)
          ? `the zip holds an entry outside its folder (${reason}); nothing was written`
          : (await startsLikeZip(zipPath))
            ? `the zip is damaged or cut short (${reason})`
            : 'the answer is not a zip file',
      )
    }
    if (parts.length === 0) {
      return failed('the zip holds no Plex Media Server log')
    }
    let bytes = 0
    for (const part of parts) {
      await rename(part, part.slice(0, -'.part'.length))
    }
    const files = await serverLogsOldestFirst(into)
    for (const path of files) {
      const handle = await open(path, 'r')
      bytes += (await handle.stat()).size
      await handle.close()
    }
    return ok({ files, bytes })
  } finally {
    await rm(zipPath, { force: true })
  }
}
