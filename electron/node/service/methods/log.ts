import type { PrivacyApi } from '../../../common/api/contract'
import { ok } from '../../../common/util/result'
import { importPaths } from '../../outbound/import/import-paths'
import type { OutboundLog } from '../../outbound/outbound-log'
import type { CoreWitness } from '../../witness/core-witness'

type LogMethods = Pick<
  PrivacyApi,
  | 'log.page'
  | 'log.count'
  | 'log.stats'
  | 'log.event'
  | 'log.export'
  | 'log.import'
  | 'log.tailStatus'
  | 'log.evidence'
  | 'log.witness'
>

/** The `log.*` methods over the outbound log (the store, its live tail, the connection witness). */
export function createLogMethods(
  log: OutboundLog,
  witness: Pick<CoreWitness, 'status'>,
): LogMethods {
  return {
    'log.page': ({ limit, before, offset, ...filter }) =>
      Promise.resolve(log.page({ ...filter, limit, before, offset })),
    'log.count': filter => Promise.resolve({ total: log.count(filter) }),
    'log.stats': filter => Promise.resolve(log.stats(filter)),
    'log.event': ({ id }) => Promise.resolve(log.event(id)),
    'log.export': ({ format, filter, after, limit }) =>
      Promise.resolve(log.exportText(format, filter, { after, limit })),
    'log.import': async ({ paths, privacyLevel }) => {
      const files = await importPaths(paths)
      return files.ok ? ok(await log.importFiles(files.value, { privacyLevel })) : files
    },
    'log.tailStatus': () => Promise.resolve(log.tailStatus()),
    'log.evidence': () => Promise.resolve(log.evidence()),
    'log.witness': () => Promise.resolve(witness.status()),
  }
}
