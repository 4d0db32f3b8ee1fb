import { profileIds } from '../../common/switches/switch-types'
import { formatPlan } from '../../node/switches/format-switches'
import { exitCode, fail, flagOption, printJson, type Command } from '../command'
import { openChangingBoard } from '../connect-command'
import { profileArgument } from './plan'

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
  async run(context) {
    const { io } = context
    const profile = profileArgument(context)
    const json = flagOption(context, 'json')
    const board = await openChangingBoard(context)
    if (!board.ok) {
      return fail(io, board.error.message)
    }
    const { engine } = board.value
    const plan = await engine.planProfile(profile)
    if (!plan.ok) {
      return fail(io, plan.error.message)
    }
    // With --json stdout holds one JSON document, so the plan to review goes to stderr.
    const show = json ? io.stderr : io.stdout
    show(formatPlan(plan.value))
    if (plan.value.steps.length > 0 && !flagOption(context, 'yes')) {
      const count = plan.value.steps.length
      show(
        `\nApply these ${count} change${count === 1 ? '' : 's'} to ${board.value.connection.info.url}? [y/N] `,
      )
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
    const report = await engine.applyPlan(plan.value, {
      command: `apply ${profile}`,
      profile,
      force: flagOption(context, 'force'),
      signal: io.signal,
    })
    if (!report.ok) {
      return fail(io, report.error.message)
    }
    for (const warning of board.value.store.warnings()) {
      io.stderr(`hush: warning: ${warning}\n`)
    }
    if (json) {
      printJson(io, { plan: plan.value, result: report.value })
    } else {
      io.stdout(`\n${report.value.message}\n`)
      if (report.value.applied.length > 0) {
        io.stdout('Undo it with `hush undo`.\n')
      }
    }
    return exitCode.ok
  },
}
