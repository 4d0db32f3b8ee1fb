import type { PrivacyApi } from '../../../common/api/contract'
import { checkDrift } from '../../watch/check-drift'
import { listOverrides } from '../../watch/list-overrides'
import { openServerVersions } from '../../watch/server-versions'
import { withSession, type SessionSource } from '../active-session'

/** The `watch.*` methods: drift and overrides, checked once (the watch itself: watch/core-watch.ts). */
export function createWatchMethods(
  session: SessionSource,
  stateDir: string,
): Pick<PrivacyApi, 'watch.drift' | 'watch.overrides'> {
  const versions = openServerVersions(stateDir, () => new Date())
  return {
    'watch.drift': () =>
      withSession(session, ({ server, engine }) =>
        checkDrift({ client: server.connection.client, engine, versions }),
      ),
    'watch.overrides': () =>
      withSession(session, ({ engine, store }) => listOverrides(engine, store)),
  }
}
