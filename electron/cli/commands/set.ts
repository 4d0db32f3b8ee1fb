import { formatApplied, formatPlan } from '../../node/switches/format-switches'
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
import { openChangingBoard } from '../connect-command'

/** `hush set <switch-id> on|off`: one switch, applied at once (with verification and rollback). */
export const setCommand: Command = {
  name: 'set',
  summary: 'Turn one switch on or off (undo with `hush undo`)',
  usage: '<switch-id> on|off [--for DURATION] [--force] [--json]',
  options: { json: { type: 'boolean' }, force: { type: 'boolean' }, for: { type: 'string' } },
  connects: true,
  async run(context) {
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
    const board = await openChangingBoard(context)
    if (!board.ok) {
      return fail(io, board.error.message)
    }
    const { engine } = board.value
    const plan = await engine.planSet(switchId, value)
    if (!plan.ok) {
      return fail(io, plan.error.message)
    }
    const report = await engine.applyPlan(plan.value, {
      command: `set ${switchId} ${value}`,
      force: flagOption(context, 'force'),
      forSeconds,
      signal: io.signal,
    })
    if (!report.ok) {
      return fail(io, report.error.message)
    }
    for (const warning of board.value.store.warnings()) {
      io.stderr(`hush: warning: ${warning}\n`)
    }
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
  },
}
