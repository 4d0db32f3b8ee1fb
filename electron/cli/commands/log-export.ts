import { closeSync, openSync, writeSync } from 'node:fs'
import { iterateEvents } from '../../node/outbound/store/event-queries'
import { exportEvents, type ExportFormat } from '../../node/outbound/store/export-events'
import { fail, stringOption, UsageError, type Command } from '../command'
import { filterOptions, openCliStore, readFilter, stateDirOption } from './log-common'

const formats: readonly ExportFormat[] = ['csv', 'json', 'ndjson']

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
    const format = stringOption(context, 'format')
    if (!formats.includes(format as ExportFormat)) {
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
    const db = openCliStore(context)
    try {
      const count = exportEvents(iterateEvents(db, filter), format as ExportFormat, text => {
        if (target === null) {
          context.io.stdout(text)
        } else {
          writeSync(target, text)
        }
      })
      if (target !== null) {
        context.io.stderr(`hush: ${count} events written to ${out}\n`)
      }
      return Promise.resolve(0)
    } finally {
      db.close()
      if (target !== null) {
        closeSync(target)
      }
    }
  },
}
