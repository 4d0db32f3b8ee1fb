import { dirname } from 'node:path'
import type { DriftReport } from '../../common/api/watch-schemas'
import { createFileSettingsStore } from '../../node/settings/file-settings-store'
import { startDriftWatch } from '../../node/watch/drift-watch'
import { formatDrift } from '../../node/watch/format-drift'
import { openServerVersions } from '../../node/watch/server-versions'
import {
  exitCode,
  fail,
  flagOption,
  integerOption,
  printJson,
  UsageError,
  type Command,
} from '../command'
import { openCommandBoard } from '../connect-command'

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
  async run(context) {
    const { io } = context
    const board = await openCommandBoard(context)
    if (!board.ok) {
      return fail(io, board.error.message)
    }
    const stateDir = dirname(board.value.store.dir)
    const settings = await createFileSettingsStore(stateDir).read()
    const seconds = integerOption(context, 'interval', settings.driftPollSeconds)
    if (seconds < 1) {
      throw new UsageError('--interval takes at least 1 second')
    }
    const enforce = flagOption(context, 'enforce') || settings.enforce
    const json = flagOption(context, 'json')
    const line = (kind: string, text: string, value: unknown) => {
      if (json) {
        printJson(io, { kind, at: new Date().toISOString(), ...(value as object) })
      } else {
        io.stdout(`${new Date().toISOString()} ${text}`)
      }
    }
    const { connection, engine, store } = board.value
    const watch = startDriftWatch({
      client: connection.client,
      http: connection.http,
      engine,
      store,
      serverId: connection.info.machineIdentifier,
      versions: openServerVersions(stateDir, () => new Date()),
      pollMs: seconds * 1000,
      enforce: () => enforce,
      onDrift: (drift: DriftReport, enforced) => {
        line('drift', formatDrift(drift), { drift })
        if (enforced?.ok && enforced.value !== null) {
          line('enforced', `Enforced: ${enforced.value.message}\n`, { result: enforced.value })
        } else if (enforced && !enforced.ok) {
          io.stderr(`hush: could not enforce your choices: ${enforced.error.message}\n`)
        }
      },
      onRevert: report =>
        report.ok
          ? line('reverted', `${report.value.message}\n`, { result: report.value })
          : io.stderr(`hush: a timed change could not be undone: ${report.error.message}\n`),
      onError: error => io.stderr(`hush: ${error.message}\n`),
    })
    if (!json) {
      io.stdout(
        `Watching ${connection.info.friendlyName} every ${seconds}s${enforce ? ', enforcing your choices' : ''}; Ctrl-C stops.\n`,
      )
    }
    await new Promise<void>(resolve => {
      if (io.signal.aborted) {
        resolve()
      }
      io.signal.addEventListener('abort', () => resolve(), { once: true })
    })
    await watch.stop()
    return exitCode.ok
  },
}
