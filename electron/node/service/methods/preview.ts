import type { PrivacyApi } from '../../../common/api/contract'
import { appError } from '../../../common/api/errors'
import { err, ok } from '../../../common/util/result'
import { buildAccountPreview } from '../../previews/account-preview'
import { deleteCrashDumps } from '../../previews/crash-dumps'
import { buildCrashReportsPreview } from '../../previews/crash-reports-preview'
import { buildMatchingPreview } from '../../previews/matching-preview'
import { buildRemoteAccessPreview } from '../../previews/remote-access-preview'
import { withSession, type SessionSource } from '../active-session'

type PreviewMethods = Pick<
  PrivacyApi,
  | 'preview.matching'
  | 'preview.remoteAccess'
  | 'preview.crashReports'
  | 'preview.deleteCrashDumps'
  | 'preview.account'
>

/** The `preview.*` methods: what the active server sends, or would send, upstream. */
export function createPreviewMethods(session: SessionSource): PreviewMethods {
  return {
    'preview.matching': input =>
      withSession(session, ({ server }) => buildMatchingPreview(server.connection.client, input)),
    'preview.remoteAccess': () =>
      withSession(session, ({ server, account }) =>
        buildRemoteAccessPreview(
          server.connection.client,
          account,
          server.record.id,
          server.record.dataDir,
        ),
      ),
    'preview.crashReports': () =>
      withSession(session, ({ server }) =>
        buildCrashReportsPreview(server.connection.client, server.record.dataDir),
      ),
    'preview.deleteCrashDumps': ({ paths }) =>
      withSession(session, async ({ server }) => {
        const dataDir = server.record.dataDir
        if (dataDir === null) {
          return err(appError('invalidInput', 'the server’s data folder is not on this machine'))
        }
        const deleted = await deleteCrashDumps(dataDir, paths)
        return deleted.ok ? ok({ deleted: deleted.value }) : deleted
      }),
    'preview.account': () => withSession(session, ({ account }) => buildAccountPreview(account)),
  }
}
