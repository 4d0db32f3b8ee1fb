import { closeSync, openSync, writeSync } from 'node:fs'
import { fail, stringOption, UsageError, type Command } from '../command'
import { withStateCore } from '../command-core'
import { filterOptions, readFilter, stateDirOption } from './log-options'

const formats = ['csv', 'json', 'ndjson'] as const

/** Events asked of the core per part: the export streams, and never sits whole in memory. */
const partLimit = 5000

/** `hush log export --format csv|json|ndjson [--out FILE]`: every stored event (filtered), oldest first. */
export const logExportCommand: Command = {
  name: 'log export',
  summary: 'Export stored outbound events as CSV, JSON or NDJSON',
  usage:
    '--format csv|json|ndjson [--out FILE] [--category C] [--host H] [--since T] [--until T] [--search TEXT] [--state-dir DIR]',
  options: {
    ...stateDirOption,
    ...filterOptions,
    format: { type: 'string' },
    out: { type: 'string' },
  },
  run: context => {
    const format = formats.find(name => name === stringOption(context, 'format'))
    if (format === undefined) {
      throw new UsageError('--format takes csv, json or ndjson')
    }
    const filter = readFilter(context)
    const out = stringOption(context, 'out')
    let fd: number | null = null
    if (out !== undefined) {
      try {
        fd = openSync(out, 'w', 0o600)
      } catch (error) {
        return Promise.resolve(
          fail(
            context.io,
            `cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
          ),
        )
      }
    }
    const target = fd
    return withStateCore(context, async bridge => {
      try {
        let count = 0
        let after: number | undefined
        do {
          const part = await bridge.call('log.export', { format, filter, after, limit: partLimit })
          if (target === null) {
            context.io.stdout(part.content)
          } else {
            writeSync(target, part.content)
          }
          count += part.count
          after = part.next ?? undefined
        } while (after !== undefined)
        if (target !== null) {
          context.io.stderr(`hush: ${count} events written to ${out}\n`)
        }
        return 0
      } finally {
        if (target !== null) {
          closeSync(target)
        }
      }
    })
  },
}
