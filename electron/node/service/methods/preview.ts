import type { PrivacyApi } from '../../../common/api/contract'
import type { AppError } from '../../../common/api/errors'
import { switchCatalog } from '../../../common/switches/catalog'
import { err, ok, type Result } from '../../../common/util/result'
import { buildAccountPreview } from '../../previews/account-preview'
import { deleteCrashDumps } from '../../previews/crash-dumps'
import { buildCrashReportsPreview } from '../../previews/crash-reports-preview'
import { buildMatchingPreview } from '../../previews/matching-preview'
import { buildRemoteAccessPreview } from '../../previews/remote-access-preview'
import { renderVerifyReport } from '../../verify/verify-report-file'
import { runVerification } from '../../verify/run-verification'
import type { ActiveBoard } from '../active-session'
import { appError } from '../../../common/api/errors'

type PreviewMethods = Pick<
  PrivacyApi,
  | 'preview.matching'
  | 'preview.remoteAccess'
  | 'preview.crashReports'
  | 'preview.deleteCrashDumps'
  | 'preview.account'
  | 'verify.run'
  | 'verify.report'
>

/** The `preview.*` and `verify.*` methods for the active server. */
export function createPreviewMethods(board: () => Result<ActiveBoard, AppError>): PreviewMethods {
  const withBoard = async <T>(
    run: (active: ActiveBoard) => Promise<Result<T, AppError>>,
  ): Promise<Result<T, AppError>> => {
    const active = board()
    return active.ok ? run(active.value) : active
  }
  const verify = (active: ActiveBoard) =>
    runVerification({
      client: active.server.connection.client,
      engine: active.engine,
      account: active.account,
      stateDir: active.stateDir,
      catalog: switchCatalog,
      server: active.server.connection.info,
      dataDir: active.server.record.dataDir,
    })
  return {
    'preview.matching': input =>
      withBoard(active => buildMatchingPreview(active.server.connection.client, input)),
    'preview.remoteAccess': () =>
      withBoard(active =>
        buildRemoteAccessPreview(
          active.server.connection.client,
          active.account,
          active.server.record.id,
          active.server.record.dataDir,
        ),
      ),
    'preview.crashReports': () =>
      withBoard(active =>
        buildCrashReportsPreview(active.server.connection.client, active.server.record.dataDir),
      ),
    'preview.deleteCrashDumps': ({ paths }) =>
      withBoard(async active => {
        const dataDir = active.server.record.dataDir
        if (dataDir === null) {
          return err(appError('invalidInput', 'the server’s data folder is not on this machine'))
        }
        const deleted = await deleteCrashDumps(dataDir, paths)
        return deleted.ok ? ok({ deleted: deleted.value }) : deleted
      }),
    'preview.account': () => withBoard(active => buildAccountPreview(active.account)),
    'verify.run': () => withBoard(verify),
    'verify.report': ({ format, unmasked }) =>
      withBoard(async active => {
        const report = await verify(active)
        return report.ok
          ? ok(renderVerifyReport(report.value, { format, masked: unmasked !== true }))
          : report
      }),
  }
}
