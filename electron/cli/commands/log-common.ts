import { outboundCategories, type OutboundCategory } from '../../common/outbound/categories'
import { resolveStateDir } from '../../node/state/state-dir'
import { openStore, storePath, type StoreDb } from '../../node/outbound/store/open-store'
import type { EventFilter } from '../../node/outbound/store/event-queries'
import { filterTime } from '../../node/outbound/store/event-queries'
import { stringOption, UsageError, type CommandContext, type CommandOptions } from '../command'

/** The option of every `hush log` command that uses the store. */
export const stateDirOption: CommandOptions = { 'state-dir': { type: 'string' } }

/** The filter options of `log list` and `log export`. */
export const filterOptions: CommandOptions = {
  category: { type: 'string' },
  host: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  search: { type: 'string' },
}

/** Opens the outbound store in the state folder chosen by --state-dir, HUSH_STATE_DIR or the platform. */
export function openCliStore(context: CommandContext): StoreDb {
  const dir = resolveStateDir(stringOption(context, 'state-dir'), context.io.env)
  return openStore(storePath(dir))
}

/** Reads and checks the filter options. */
export function readFilter(context: CommandContext): EventFilter {
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
  return {
    category: category as OutboundCategory | undefined,
    host: stringOption(context, 'host'),
    since: stringOption(context, 'since'),
    until: stringOption(context, 'until'),
    search: stringOption(context, 'search'),
  }
}
