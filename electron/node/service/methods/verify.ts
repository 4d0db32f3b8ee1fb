import type { PrivacyApi } from '../../../common/api/contract'
import { switchCatalog } from '../../../common/switches/catalog'
import { ok } from '../../../common/util/result'
import { serverLogRoot } from '../../remote/mirror-folder'
import { renderVerifyReport } from '../../verify/verify-report-file'
import { runVerification } from '../../verify/run-verification'
import type { ConnectionEvidence } from '../../verify/connection-witness'
import { withSession, type ActiveSession, type SessionSource } from '../active-session'

/** The `verify.*` methods: the evidence, per switch that is off, from the log and the connections. */
export function createVerifyMethods(
  session: SessionSource,
  connections?: (dataDir: string | null) => Promise<ConnectionEvidence | null>,
): Pick<PrivacyApi, 'verify.run' | 'verify.report'> {
  const verify = ({ server, engine, account, stateDir }: ActiveSession) =>
    runVerification({
      client: server.connection.client,
      engine,
      account,
      stateDir,
      catalog: switchCatalog,
      server: server.connection.info,
      // A server on another machine is judged by the mirror its pulled logs fill.
      dataDir: serverLogRoot(stateDir, server.record),
      connections: connections && (() => connections(server.record.dataDir)),
    })
  return {
    'verify.run': () => withSession(session, verify),
    'verify.report': ({ format, unmasked }) =>
      withSession(session, async active => {
        const report = await verify(active)
        return report.ok
          ? ok(renderVerifyReport(report.value, { format, masked: unmasked !== true }))
          : report
      }),
  }
}
