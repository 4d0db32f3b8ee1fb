import { profileIds, type ProfileId } from '../../common/switches/switch-types'
import { formatPlan } from '../../node/switches/format-switches'
import {
  exitCode,
  fail,
  flagOption,
  printJson,
  UsageError,
  type Command,
  type CommandContext,
} from '../command'
import { openCommandBoard } from '../connect-command'

/** Reads the `<profile>` argument; anything else is a usage error. */
export function profileArgument(context: CommandContext): ProfileId {
  const [profile, ...rest] = context.positionals
  if (
    profile === undefined ||
    rest.length > 0 ||
    !(profileIds as readonly string[]).includes(profile)
  ) {
    throw new UsageError(`name one profile: ${profileIds.join(', ')}`)
  }
  return profile as ProfileId
}

/** `hush plan <profile>`: the diff a profile would make, and what stops working. */
export const planCommand: Command = {
  name: 'plan',
  summary: 'Show what a profile would change (before → after) and what would stop working',
  usage: `<${profileIds.join('|')}> [--json]`,
  options: { json: { type: 'boolean' } },
  connects: true,
  async run(context) {
    const { io } = context
    const profile = profileArgument(context)
    const board = await openCommandBoard(context)
    if (!board.ok) {
      return fail(io, board.error.message)
    }
    const plan = await board.value.engine.planProfile(profile)
    if (!plan.ok) {
      return fail(io, plan.error.message)
    }
    for (const warning of board.value.store.warnings()) {
      io.stderr(`hush: warning: ${warning}\n`)
    }
    if (flagOption(context, 'json')) {
      printJson(io, plan.value)
    } else {
      io.stdout(formatPlan(plan.value))
    }
    return exitCode.ok
  },
}
