import type { LogPage, StoredEventView } from '../../common/api/log-schemas'
import { flagOption, integerOption, printJson, UsageError, type Command } from '../command'
import { withStateCore } from '../command-core'
import { emptyStoreHint, filterOptions, narrows, readFilter, stateDirOption } from './log-options'

/** The most events the contract gives in one page; a longer list is asked for page by page. */
const pageLimit = 500

function row(e: StoredEventView): string {
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
    return withStateCore(context, async bridge => {
      const page: LogPage = { events: [], nextBefore: before ?? null }
      let cursor = before
      do {
        const wanted = Math.min(pageLimit, limit - page.events.length)
        const next = await bridge.call('log.page', { ...filter, limit: wanted, before: cursor })
        page.events.push(...next.events)
        page.nextBefore = next.nextBefore
        cursor = next.nextBefore ?? undefined
      } while (page.events.length < limit && cursor !== undefined)
      if (flagOption(context, 'json')) {
        printJson(context.io, page)
      } else if (page.events.length === 0) {
        // Nothing printed at all would leave a newcomer guessing whether it worked.
        const narrowed = narrows(filter) || before !== undefined
        context.io.stdout(`${narrowed ? 'No stored outbound event matches.' : emptyStoreHint}\n`)
      } else {
        context.io.stdout(page.events.map(e => `${row(e)}\n`).join(''))
        if (page.nextBefore !== null) {
          context.io.stdout(`(more: --before ${page.nextBefore})\n`)
        }
      }
      return 0
    })
  },
}
