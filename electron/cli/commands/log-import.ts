import { totalSkipped } from '../../common/outbound/outbound-event'
import { parsePrivacyLevel } from '../../common/outbound/privacy-level'
import { fail, flagOption, printJson, stringOption, UsageError, type Command } from '../command'
import { withStateCore } from '../command-core'
import { stateDirOption } from './log-options'

/** `hush log import <file|dir>... [--json]`: stores the outbound exchanges of log files, resumably. */
export const logImportCommand: Command = {
  name: 'log import',
  summary: 'Store the outbound exchanges of server log files (a Logs folder: oldest first)',
  usage: '<file|dir>... [--privacy-level 0|1|2|3] [--state-dir DIR] [--json]',
  options: { ...stateDirOption, json: { type: 'boolean' }, 'privacy-level': { type: 'string' } },
  run: context => {
    const { positionals, io } = context
    if (positionals.length === 0) {
      throw new UsageError('name at least one log file or Logs folder')
    }
    const levelText = stringOption(context, 'privacy-level') ?? '0'
    const privacyLevel = parsePrivacyLevel(levelText)
    if (privacyLevel === null) {
      throw new UsageError(`--privacy-level takes 0, 1, 2 or 3, not "${levelText}"`)
    }
    return withStateCore(context, async bridge => {
      const started = performance.now()
      const imported = await bridge.call('log.import', { paths: [...positionals], privacyLevel })
      if (!imported.ok) {
        return fail(io, imported.error.message)
      }
      const result = imported.value
      const seconds = (performance.now() - started) / 1000
      if (flagOption(context, 'json')) {
        printJson(io, { ...result, seconds: Math.round(seconds * 1000) / 1000 })
      } else {
        io.stdout(
          `${result.inserted} events stored from ${result.files} files (${result.duplicates} already stored, ${result.answered} answers, ${result.dropped} dropped by the flood cap, ${totalSkipped(result.skipped)} lines skipped)\n`,
        )
      }
      return 0
    })
  },
}
