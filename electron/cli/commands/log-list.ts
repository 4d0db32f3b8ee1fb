import { pageEvents, type StoredEvent } from '../../node/outbound/store/event-queries'
import { flagOption, integerOption, printJson, UsageError, type Command } from '../command'
import { filterOptions, openCliStore, readFilter, stateDirOption } from './log-common'

function row(e: StoredEvent): string {
  const outcome = e.status !== null ? String(e.status) : e.error !== null ? 'error' : '-'
  return `${e.time}  ${outcome.padEnd(5)} ${e.method.padEnd(6)} ${e.category.padEnd(17)} ${e.url || e.host}`
}

/** `hush log list`: stored outbound events, newest first, filtered. */
export const logListCommand: Command = {
  name: 'log list',
  summary: 'List stored outbound events, newest first',
  usage:
    '[--category C] [--host H] [--since T] [--until T] [--search TEXT] [--limit N] [--before ID] [--state-dir DIR] [--json]',
  options: {
    ...stateDirOption,
    ...filterOptions,
    limit: { type: 'string' },
    before: { type: 'string' },
    json: { type: 'boolean' },
  },
  run: context => {
    const filter = readFilter(context)
    const limit = integerOption(context, 'limit', 50)
    if (limit < 1 || limit > 10_000) {
      throw new UsageError('--limit takes 1 to 10000')
    }
    const before =
      context.options.before === undefined ? undefined : integerOption(context, 'before', 0)
    const db = openCliStore(context)
    try {
      const page = pageEvents(db, { ...filter, limit, before })
      if (flagOption(context, 'json')) {
        printJson(context.io, page)
      } else {
        context.io.stdout(page.events.map(e => `${row(e)}\n`).join(''))
        if (page.nextBefore !== null) {
          context.io.stdout(`(more: --before ${page.nextBefore})\n`)
        }
      }
      return Promise.resolve(0)
    } finally {
      db.close()
    }
  },
}
