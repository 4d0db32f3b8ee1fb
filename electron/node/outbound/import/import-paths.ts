import { stat } from 'node:fs/promises'
import { appError, type AppError } from '../../../common/api/errors'
import { err, ok, type Result } from '../../../common/util/result'
import { describeFileType } from '../../files/regular-file'
import { serverLogsOldestFirst } from './log-files'

/**
 * The files an import of `paths` reads, in order: a file as it is, a Logs folder as its server
 * logs oldest first. A path that is neither, or a folder without a server log, is a `fileError`
 * that names it (and nothing is imported).
 */
export async function importPaths(paths: readonly string[]): Promise<Result<string[], AppError>> {
  const files: string[] = []
  for (const path of paths) {
    const info = await stat(path).catch(() => null)
    if (info?.isDirectory()) {
      const logs = await serverLogsOldestFirst(path)
      if (logs.length === 0) {
        return err(appError('fileError', `no "Plex Media Server.log" (a regular file) in ${path}`))
      }
      files.push(...logs)
    } else if (info?.isFile()) {
      files.push(path)
    } else {
      const what = info ? `it is ${describeFileType(info)}, not a regular file` : 'it is not there'
      return err(appError('fileError', `cannot read ${path}: ${what}`))
    }
  }
  return ok(files)
}
