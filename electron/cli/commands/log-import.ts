import { stat } from 'node:fs/promises'
import { totalSkipped } from '../../common/outbound/outbound-event'
import { parsePrivacyLevel } from '../../common/outbound/privacy-level'
import { describeFileType } from '../../node/files/regular-file'
import { importFiles } from '../../node/outbound/import/import-files'
import { serverLogsOldestFirst } from '../../node/outbound/import/log-files'
import { EventWriter } from '../../node/outbound/store/event-writer'
import { fail, flagOption, printJson, stringOption, UsageError, type Command } from '../command'
import { openCliStore, stateDirOption } from './log-common'

/** `hush log import <file|dir>... [--json]`: stores the outbound exchanges of log files, resumably. */
export const logImportCommand: Command = {
  name: 'log import',
  summary: 'Store the outbound exchanges of server log files (a Logs folder: oldest first)',
  usage: '<file|dir>... [--privacy-level 0|1|2|3] [--state-dir DIR] [--json]',
  options: { ...stateDirOption, json: { type: 'boolean' }, 'privacy-level': { type: 'string' } },
  run: async context => {
    const { positionals, io } = context
    if (positionals.length === 0) {
      throw new UsageError('name at least one log file or Logs folder')
    }
    const levelText = stringOption(context, 'privacy-level') ?? '0'
    const privacyLevel = parsePrivacyLevel(levelText)
    if (privacyLevel === null) {
      throw new UsageError(`--privacy-level takes 0, 1, 2 or 3, not "${levelText}"`)
    }
    const files: string[] = []
    for (const path of positionals) {
      const info = await stat(path).catch(() => null)
      if (info?.isDirectory()) {
        const logs = await serverLogsOldestFirst(path)
        if (logs.length === 0) {
          return fail(io, `no "Plex Media Server.log" (a regular file) in ${path}`)
        }
        files.push(...logs)
      } else if (info?.isFile()) {
        files.push(path)
      } else {
        const what = info
          ? `it is ${describeFileType(info)}, not a regular file`
          : 'it is not there'
        return fail(io, `cannot read ${path}: ${what}`)
      }
    }
    const db = openCliStore(context)
    try {
      const started = performance.now()
      const result = await importFiles(db, new EventWriter(db, { privacyLevel }), files)
      const seconds = (performance.now() - started) / 1000
      if (flagOption(context, 'json')) {
        printJson(io, { ...result, seconds: Math.round(seconds * 1000) / 1000 })
      } else {
        io.stdout(
          `${result.inserted} events stored from ${result.files} files (${result.duplicates} already stored, ${result.answered} answers, ${result.dropped} dropped by the flood cap, ${totalSkipped(result.skipped)} lines skipped)\n`,
        )
      }
      return 0
    } finally {
      db.close()
    }
  },
}
