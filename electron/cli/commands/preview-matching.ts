import type { MatchingPreview } from '../../common/api/preview-schemas'
import { exitCode, fail, flagOption, printJson, stringOption, type Command } from '../command'
import { withConnectedCore } from '../command-core'

/** `hush preview matching`: what a metadata refresh would send, per library and item. */
export const previewMatchingCommand: Command = {
  name: 'preview matching',
  summary: 'What a metadata refresh would send upstream, per library and item (nothing is sent)',
  usage: '[--library ID] [--json]',
  options: { library: { type: 'string' }, json: { type: 'boolean' } },
  connects: true,
  run: context =>
    withConnectedCore(context, {}, async ({ bridge }) => {
      const libraryId = stringOption(context, 'library')
      const preview = await bridge.call(
        'preview.matching',
        libraryId === undefined ? {} : { libraryId },
      )
      if (!preview.ok) {
        return fail(context.io, preview.error.message)
      }
      if (libraryId !== undefined && preview.value.libraries.length === 0) {
        return fail(context.io, `this server has no library ${libraryId}`)
      }
      if (flagOption(context, 'json')) {
        printJson(context.io, preview.value)
      } else {
        context.io.stdout(formatMatching(preview.value))
      }
      return exitCode.ok
    }),
}

function formatMatching(preview: MatchingPreview): string {
  const lines: string[] = []
  for (const library of preview.libraries) {
    const where = library.contactsInternet
      ? `sends to ${library.host ?? 'an online metadata service'}`
      : 'stays on this machine'
    lines.push(
      `${library.title} (library ${library.id}, ${library.type}): ${library.agentName ?? library.agent} — ${where}, ${library.itemCount} items`,
    )
    if (library.requestShape) {
      lines.push(`  request: ${library.requestShape}`)
    }
    for (const item of library.items) {
      const hints = Object.entries(item.hints)
        .map(([name, value]) => `${name}=${value}`)
        .join('  ')
      lines.push(
        `  - ${item.title}${item.year ? ` (${item.year})` : ''}${hints ? `\n      ${hints}` : ''}`,
      )
    }
    lines.push('')
  }
  lines.push(...preview.unknowns.map(text => `Note: ${text}`))
  return `${lines.join('\n')}\n`
}
