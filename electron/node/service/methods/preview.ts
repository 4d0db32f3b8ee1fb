import type { PrivacyApi } from '../../../common/api/contract'
import { appError } from '../../../common/api/errors'
import { err, ok } from '../../../common/util/result'
import { buildAccountPreview } from '../../previews/account-preview'
import { deleteCrashDumps } from '../../previews/crash-dumps'
import { buildCrashReportsPreview } from '../../previews/crash-reports-preview'
import { buildMatchingPreview } from '../../previews/matching-preview'
import { buildRemoteAccessPreview } from '../../previews/remote-access-preview'
import { isPulledServer, needsServerFiles, serverLogRoot } from '../../remote/mirror-folder'
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
      withSession(session, ({ server, account, stateDir }) =>
        buildRemoteAccessPreview(
          server.connection.client,
          account,
          server.record.id,
          serverLogRoot(stateDir, server.record),
        ),
      ),
    'preview.crashReports': () =>
      withSession(session, async ({ server }) => {
        const preview = await buildCrashReportsPreview(
          server.connection.client,
          server.record.dataDir,
        )
        return preview.ok && isPulledServer(server.record)
          ? ok({ ...preview.value, needsServerFiles: needsServerFiles(server.record.name) })
          : preview
      }),
    'preview.deleteCrashDumps': ({ paths }) =>
      withSession(session, async ({ server }) => {
        const dataDir = server.record.dataDir
        if (isPulledServer(server.record)) {
          return ok({ deleted: [], needsServerFiles: needsServerFiles(server.record.name) })
        }
        if (dataDir === null) {
          return err(appError('invalidInput', 'the server’s data folder is not on this machine'))
        }
        const deleted = await deleteCrashDumps(dataDir, paths)
        return deleted.ok ? ok({ deleted: deleted.value }) : deleted
      }),
    'preview.account': () => withSession(session, ({ account }) => buildAccountPreview(account)),
  }
}
