import { switchCatalog } from '../../common/switches/catalog'
import { policyItemKey } from '../../common/policy/policy-item'
import { formatStatusTable } from '../format/format-switches'
import { exitCode, fail, flagOption, printJson, type Command } from '../command'
import { withConnectedCore } from '../command-core'

/** `hush status`: the server, then each switch with its state, raw values and profile values. */
export const statusCommand: Command = {
  name: 'status',
  summary: 'Each privacy switch: its live state, raw values, profile values and policy item',
  usage: '[--json]',
  options: { json: { type: 'boolean' } },
  connects: true,
  run: context =>
    withConnectedCore(context, {}, async ({ bridge, printWarnings }) => {
      const { io } = context
      const reading = await bridge.call('switches.status', {})
      printWarnings()
      if (!reading.ok) {
        return fail(io, reading.error.message)
      }
      const state = reading.value
      const byId = new Map(switchCatalog.map(entry => [entry.id, entry]))
      if (flagOption(context, 'json')) {
        printJson(io, {
          server: state.server,
          profile: state.profile,
          readAt: state.readAt,
          interrupted: state.interrupted ?? null,
          switches: state.switches.map(status => ({
            id: status.id,
            title: byId.get(status.id)?.title.en ?? status.id,
            state: status.state,
            reason: status.reason,
            targets: status.targets,
            profiles: status.profiles,
            policyItems: (byId.get(status.id)?.policyItems ?? []).map(policyItemKey),
            until: status.until,
          })),
        })
        return exitCode.ok
      }
      const { server } = state
      io.stdout(
        `Server   ${server.friendlyName || '(unnamed)'}  ${server.version}  ${server.url}  id ${server.machineIdentifier}\n`,
      )
      io.stdout(`Profile  ${state.profile ?? 'none applied by Hush'}\n`)
      io.stdout(`Read at  ${state.readAt}\n`)
      if (state.interrupted) {
        const { command, startedAt, changed, of } = state.interrupted
        io.stdout(
          `Interrupted  hush ${command} (started ${startedAt}) stopped after ${changed} of ${of} changes: hush undo restores the values from before it\n`,
        )
      }
      io.stdout('\n')
      io.stdout(formatStatusTable(state.switches, switchCatalog))
      return exitCode.ok
    }),
}
