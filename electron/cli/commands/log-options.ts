import { outboundCategories, type OutboundCategory } from '../../common/outbound/categories'
import type { LogFilter } from '../../common/api/log-schemas'
import { filterTime } from '../../node/outbound/store/event-queries'
import { stringOption, UsageError, type CommandContext, type CommandOptions } from '../command'

/** The option of every `hush log` command that uses the store (the store is the core's). */
export const stateDirOption: CommandOptions = { 'state-dir': { type: 'string' } }

/** The filter options of `log list` and `log export`. */
export const filterOptions: CommandOptions = {
  category: { type: 'string' },
  host: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  search: { type: 'string' },
}

/** What an empty store says in text: where events come from, so a newcomer knows the next step. */
export const emptyStoreHint = [
  'No outbound events stored yet. Store a server log with `hush log import <its Logs folder>`',
  '(its outbound requests are there while the server logs at debug level), or pull the logs of a',
  'server on another machine with `hush log pull`.',
].join('\n')

/** Whether a filter narrows anything (an empty page then means "no match", not "nothing stored"). */
export function narrows(filter: LogFilter): boolean {
  return Object.values(filter).some(value => value !== undefined)
}

/** The longest search the contract takes (log-schemas.ts). */
const maxSearch = 200

/** Reads and checks the filter options. */
export function readFilter(context: CommandContext): LogFilter {
  const category = stringOption(context, 'category')
  if (category !== undefined && !outboundCategories.includes(category as OutboundCategory)) {
    throw new UsageError(`--category must be one of ${outboundCategories.join(', ')}`)
  }
  for (const name of ['since', 'until']) {
    const value = stringOption(context, name)
    if (value !== undefined) {
      try {
        filterTime(value)
      } catch {
        throw new UsageError(`--${name} takes an ISO 8601 date or time, not "${value}"`)
      }
    }
  }
  const search = stringOption(context, 'search')
  if (search !== undefined && search.length > maxSearch) {
    throw new UsageError(`--search takes at most ${maxSearch} characters`)
  }
  return {
    category: category as OutboundCategory | undefined,
    host: stringOption(context, 'host'),
    since: stringOption(context, 'since'),
    until: stringOption(context, 'until'),
    search,
  }
}
