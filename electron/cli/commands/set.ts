import { parseDuration } from '../../node/switches/parse-duration'
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
import { formatApplied, formatPlan } from '../format/format-switches'

/** `hush set <switch-id> on|off`: one switch, applied at once (with verification and rollback). */
export const setCommand: Command = {
  name: 'set',
  summary: 'Turn one switch on or off (undo with `hush undo`)',
  usage: '<switch-id> on|off [--for DURATION] [--force] [--json]',
  options: { json: { type: 'boolean' }, force: { type: 'boolean' }, for: { type: 'string' } },
  connects: true,
  run: context => {
    const { io } = context
    const [switchId, value, ...rest] = context.positionals
    if (switchId === undefined || (value !== 'on' && value !== 'off') || rest.length > 0) {
      throw new UsageError('name a switch and on or off, e.g. `hush set relay off`')
    }
    const duration = stringOption(context, 'for')
    const forSeconds = duration === undefined ? undefined : parseDuration(duration)
    if (duration !== undefined && forSeconds === undefined) {
      throw new UsageError(`--for takes a duration such as 30m, 2h or 1h30m, not "${duration}"`)
    }
    return withConnectedCore(context, { changes: true }, async core => {
      const plan = await core.bridge.call('switches.planSet', { switchId, value })
      if (!plan.ok) {
        return fail(io, plan.error.message)
      }
      const report = await core.bridge.call('switches.set', {
        switchId,
        value,
        force: flagOption(context, 'force'),
        ...(forSeconds === undefined ? {} : { forSeconds }),
        plan: plan.value,
      })
      if (!report.ok) {
        return fail(io, report.error.message)
      }
      core.printWarnings()
      if (flagOption(context, 'json')) {
        printJson(io, { plan: plan.value, result: report.value })
        return exitCode.ok
      }
      if (report.value.applied.length === 0) {
        io.stdout(formatPlan(plan.value))
        return exitCode.ok
      }
      io.stdout(`${formatApplied(report.value.applied)}${report.value.message}\n`)
      for (const entry of plan.value.breaks) {
        io.stdout(`What stops working: ${entry.text}\n`)
      }
      return exitCode.ok
    })
  },
}
