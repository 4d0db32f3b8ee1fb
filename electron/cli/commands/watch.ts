import {
  exitCode,
  flagOption,
  integerOption,
  printJson,
  UsageError,
  type Command,
} from '../command'
import { withConnectedCore } from '../command-core'
import { formatDrift } from '../format/format-drift'

/**
 * `hush watch`: stays in the foreground, prints drift and the end of timed exceptions as they
 * happen, re-applies the owner's choices with `--enforce` (or the `enforce` setting); Ctrl-C stops.
 */
export const watchCommand: Command = {
  name: 'watch',
  summary: 'Watch for drift and timed changes that end, until Ctrl-C',
  usage: '[--interval SECONDS] [--enforce] [--json]',
  options: {
    interval: { type: 'string' },
    enforce: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  connects: true,
  run: context =>
    withConnectedCore(context, {}, async (core, server) => {
      const { io } = context
      const settings = await core.bridge.call('settings.get', {})
      const seconds = integerOption(context, 'interval', settings.driftPollSeconds)
      if (seconds < 1) {
        throw new UsageError('--interval takes at least 1 second')
      }
      const enforce = flagOption(context, 'enforce') || settings.enforce
      const json = flagOption(context, 'json')
      const line = (kind: string, text: string, value: object) => {
        if (json) {
          printJson(io, { kind, at: new Date().toISOString(), ...value })
        } else {
          io.stdout(`${new Date().toISOString()} ${text}`)
        }
      }
      core.bridge.on('drift.detected', ({ report, enforcement }) => {
        line('drift', formatDrift(report), { drift: report })
        if (enforcement?.ok && enforcement.value !== null) {
          line('enforced', `Enforced: ${enforcement.value.message}\n`, {
            result: enforcement.value,
          })
        } else if (enforcement && !enforcement.ok) {
          io.stderr(`hush: could not enforce your choices: ${enforcement.error.message}\n`)
        }
      })
      core.bridge.on('switches.changed', ({ reason, report }) => {
        if (reason === 'revert' && report) {
          line('reverted', `${report.message}\n`, { result: report })
        }
      })
      await core.startWatch({ pollSeconds: seconds, enforce })
      if (!json) {
        io.stdout(
          `Watching ${server.friendlyName} every ${seconds}s${enforce ? ', enforcing your choices' : ''}; Ctrl-C stops.\n`,
        )
      }
      await new Promise<void>(resolve => {
        if (io.signal.aborted) {
          resolve()
        }
        io.signal.addEventListener('abort', () => resolve(), { once: true })
      })
      return exitCode.ok
    }),
}
