import { flagOption, printJson, type Command } from '../command'
import { withStateCore } from '../command-core'
import { emptyStoreHint, stateDirOption } from './log-options'

/** `hush log stats`: counts by category, host and day. */
export const logStatsCommand: Command = {
  name: 'log stats',
  summary: 'Count stored outbound events by category, host and day',
  usage: '[--state-dir DIR] [--json]',
  options: { ...stateDirOption, json: { type: 'boolean' } },
  run: context =>
    withStateCore(context, async bridge => {
      const stats = await bridge.call('log.stats', {})
      if (flagOption(context, 'json')) {
        printJson(context.io, stats)
        return 0
      }
      const counted = `${stats.total} events (${stats.skippedLines} lines skipped, ${stats.droppedEvents} events dropped by the flood cap)`
      if (stats.total === 0) {
        context.io.stdout(`${counted}\n${emptyStoreHint}\n`)
        return 0
      }
      const lines = [counted, '', 'By category:']
      lines.push(
        ...stats.byCategory.map(c => `  ${c.category.padEnd(18)} ${c.count}`),
        '',
        'By host:',
      )
      lines.push(
        ...stats.byHost.map(
          h => `  ${(h.host || '(not kept)').padEnd(40)} ${h.category.padEnd(18)} ${h.count}`,
        ),
        '',
        'By day:',
      )
      const days = new Map<string, number>()
      for (const d of stats.byDay) {
        days.set(d.day, (days.get(d.day) ?? 0) + d.count)
      }
      lines.push(...[...days].map(([day, count]) => `  ${day}  ${count}`))
      context.io.stdout(`${lines.join('\n')}\n`)
      return 0
    }),
}
