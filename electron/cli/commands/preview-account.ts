import { exitCode, fail, flagOption, printJson, type Command } from '../command'
import { withConnectedCore } from '../command-core'

/** `hush preview account`: the plex.tv account opt-outs and online media sources. */
export const previewAccountCommand: Command = {
  name: 'preview account',
  summary: 'The plex.tv account opt-outs and online media sources, or why they cannot be checked',
  usage: '[--json]',
  options: { json: { type: 'boolean' } },
  connects: true,
  run: context =>
    withConnectedCore(context, {}, async ({ bridge }) => {
      const preview = await bridge.call('preview.account', {})
      if (!preview.ok) {
        return fail(context.io, preview.error.message)
      }
      if (flagOption(context, 'json')) {
        printJson(context.io, preview.value)
        return exitCode.ok
      }
      const { reachable, reason, settings, caveats } = preview.value
      const lines = reachable
        ? settings.map(setting => `${setting.label.padEnd(48)} ${setting.value ?? 'unknown'}`)
        : [`The account cannot be checked: ${reason ?? 'plex.tv did not answer'}`]
      if (reachable && reason) {
        lines.push(`Some values could not be read: ${reason}`)
      }
      lines.push(...caveats.map(text => `Note: ${text}`))
      context.io.stdout(`${lines.join('\n')}\n`)
      return exitCode.ok
    }),
}
