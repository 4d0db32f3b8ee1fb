import { formatOverrides, listOverrides, overridesCsv } from '../../node/watch/list-overrides'
import {
  exitCode,
  fail,
  flagOption,
  printJson,
  stringOption,
  UsageError,
  type Command,
} from '../command'
import { openCommandBoard } from '../connect-command'

/** `hush overrides`: every value that differs from Plex's default, who set it and since when. */
export const overridesCommand: Command = {
  name: 'overrides',
  summary: "List every value that differs from Plex's default, who set it and since when",
  usage: '[--json] [--format text|json|csv]',
  options: { json: { type: 'boolean' }, format: { type: 'string' } },
  connects: true,
  async run(context) {
    const { io } = context
    const format = flagOption(context, 'json')
      ? 'json'
      : (stringOption(context, 'format') ?? 'text')
    if (format !== 'text' && format !== 'json' && format !== 'csv') {
      throw new UsageError(`--format takes text, json or csv, not "${format}"`)
    }
    const board = await openCommandBoard(context)
    if (!board.ok) {
      return fail(io, board.error.message)
    }
    const report = await listOverrides(board.value.engine, board.value.store)
    if (!report.ok) {
      return fail(io, report.error.message)
    }
    if (format === 'json') {
      printJson(io, report.value)
    } else if (format === 'csv') {
      io.stdout(overridesCsv(report.value))
    } else {
      io.stdout(formatOverrides(report.value))
    }
    return exitCode.ok
  },
}
