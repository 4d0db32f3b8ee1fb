import { profileIds } from '../../common/switches/switch-types'
import { exitCode, fail, flagOption, printJson, type Command } from '../command'
import { withConnectedCore } from '../command-core'
import { formatPlan } from '../format/format-switches'
import { planJson, profileArgument } from './plan'

/** `hush apply <profile>`: shows the plan, asks, then applies it with verification and rollback. */
export const applyCommand: Command = {
  name: 'apply',
  summary: 'Apply a profile: show the plan, ask, then change the server (undo with `hush undo`)',
  usage: `<${profileIds.join('|')}> [--yes] [--force] [--json]`,
  options: {
    json: { type: 'boolean' },
    yes: { type: 'boolean', short: 'y' },
    force: { type: 'boolean' },
  },
  connects: true,
  run: context => {
    const { io } = context
    const profile = profileArgument(context)
    const json = flagOption(context, 'json')
    return withConnectedCore(context, { changes: true }, async (core, server) => {
      const plan = await core.bridge.call('switches.planProfile', { profile })
      if (!plan.ok) {
        return fail(io, plan.error.message)
      }
      // With --json stdout holds one JSON document, so the plan to review goes to stderr.
      const show = json ? io.stderr : io.stdout
      show(formatPlan(plan.value))
      if (plan.value.steps.length > 0 && !flagOption(context, 'yes')) {
        const count = plan.value.steps.length
        show(`\nApply these ${count} change${count === 1 ? '' : 's'} to ${server.url}? [y/N] `)
        const answer = await io.readLine()
        if (io.signal.aborted) {
          return fail(io, 'cancelled; nothing was changed')
        }
        if (answer === null) {
          return fail(
            io,
            'refusing to apply without confirmation: there is no interactive input; pass --yes to apply',
          )
        }
        if (!/^\s*y(es)?\s*$/i.test(answer)) {
          return fail(io, 'cancelled; nothing was changed')
        }
      }
      const report = await core.bridge.call('switches.apply', {
        plan: plan.value,
        force: flagOption(context, 'force'),
      })
      if (!report.ok) {
        return fail(io, report.error.message)
      }
      core.printWarnings()
      if (json) {
        printJson(io, { plan: planJson(plan.value), result: report.value })
      } else {
        io.stdout(`\n${report.value.message}\n`)
        if (report.value.applied.length > 0) {
          io.stdout('Undo it with `hush undo`.\n')
        }
      }
      return exitCode.ok
    })
  },
}
