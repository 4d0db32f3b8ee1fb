import {
  exitCode,
  fail,
  flagOption,
  printJson,
  stringOption,
  UsageError,
  type Command,
} from '../command'
import { withConnectedCore } from '../command-core'
import { formatOverrides, overridesCsv } from '../format/format-overrides'

/** `hush overrides`: every value that differs from Plex's default, who set it and since when. */
export const overridesCommand: Command = {
  name: 'overrides',
  summary: "List every value that differs from Plex's default, who set it and since when",
  usage: '[--json] [--format text|json|csv]',
  options: { json: { type: 'boolean' }, format: { type: 'string' } },
  connects: true,
  run: context => {
    const { io } = context
    const format = flagOption(context, 'json')
      ? 'json'
      : (stringOption(context, 'format') ?? 'text')
    if (format !== 'text' && format !== 'json' && format !== 'csv') {
      throw new UsageError(`--format takes text, json or csv, not "${format}"`)
    }
    return withConnectedCore(context, {}, async ({ bridge }) => {
      const report = await bridge.call('watch.overrides', {})
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
    })
  },
}
