import type { Plan } from '../../common/api/switch-schemas'
import { profileIds, type ProfileId } from '../../common/switches/switch-types'
import {
  exitCode,
  fail,
  flagOption,
  printJson,
  UsageError,
  type Command,
  type CommandContext,
} from '../command'
import { withConnectedCore } from '../command-core'
import { formatPlan } from '../format/format-switches'

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

/**
 * A plan as `--json` prints it: the command line names the profile itself, so the plan's own
 * `profile` (which the contract adds for `switches.apply`) is left out.
 */
export function planJson(plan: Plan): Omit<Plan, 'profile'> {
  const { profile: _profile, ...shown } = plan
  return shown
}

/** `hush plan <profile>`: the diff a profile would make, and what stops working. */
export const planCommand: Command = {
  name: 'plan',
  summary: 'Show what a profile would change (before → after) and what would stop working',
  usage: `<${profileIds.join('|')}> [--json]`,
  options: { json: { type: 'boolean' } },
  connects: true,
  run: context => {
    const { io } = context
    const profile = profileArgument(context)
    return withConnectedCore(context, {}, async ({ bridge, printWarnings }) => {
      const plan = await bridge.call('switches.planProfile', { profile })
      if (!plan.ok) {
        return fail(io, plan.error.message)
      }
      printWarnings()
      if (flagOption(context, 'json')) {
        printJson(io, planJson(plan.value))
      } else {
        io.stdout(formatPlan(plan.value))
      }
      return exitCode.ok
    })
  },
}
