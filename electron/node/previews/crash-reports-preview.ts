import type { AppError } from '../../common/api/errors'
import type { CrashReportsPreview } from '../../common/api/preview-schemas'
import { ok, type Result } from '../../common/util/result'
import { parseFiles } from '../outbound/parse/parse-file'
import type { PlexClient } from '../server/plex-client'
import { listCrashDumps } from './crash-dumps'
import { crashUploadArguments } from './crash-upload-arguments'
import { serverLogFiles } from './server-log-files'

/** What a crash report carries, in plain words (docs/server-reference.md §3.4). */
export const crashReportContents: readonly string[] = [
  'The dump itself: a snapshot of the crashed program’s memory, which can hold file names, titles, addresses and other data the server was working on.',
  'The server’s unique id, its version, the operating system and its version.',
  'The device, vendor and model the server runs on (for example a NAS model or “Docker”).',
  'Your Plex account’s e-mail address as the user id when the server is signed in (NOUSERID otherwise).',
  'It goes to Sentry, a crash-reporting service Plex uses (o17675.ingest.sentry.io).',
]

/**
 * The crash-reports preview: whether uploads are on, every dump on disk with its size and date,
 * and whether a logged upload ran after it was written.
 */
export async function buildCrashReportsPreview(
  client: PlexClient,
  dataDir: string | null,
): Promise<Result<CrashReportsPreview, AppError>> {
  const unknowns: string[] = []
  const setting = await client.pref('sendCrashReports')
  let uploadEnabled: boolean | null = null
  if (setting.ok) {
    uploadEnabled = setting.value.value === true
  } else if (setting.error.kind === 'settingUnknown' || setting.error.kind === 'badResponse') {
    unknowns.push('This server version has no “Send crash reports” setting.')
  } else {
    return setting
  }
  const uploadArguments = await crashUploadArguments(client)
  if (dataDir === null) {
    unknowns.push(
      'Hush cannot read this server’s data folder, so it cannot list its crash dumps; run Hush on the server’s machine or pass --data-dir.',
    )
    return ok({
      uploadEnabled,
      uploadArguments,
      dumps: [],
      contents: [...crashReportContents],
      unknowns,
    })
  }
  const uploadTimes: number[] = []
  await parseFiles(await serverLogFiles(dataDir), events => {
    for (const event of events) {
      if (event.category === 'crash-reports') {
        uploadTimes.push(Date.parse(event.time))
      }
    }
  })
  if (uploadTimes.length === 0) {
    unknowns.push(
      'The server log shows no crash-report upload; with debug logging off, uploads are not logged.',
    )
  }
  const dumps = await listCrashDumps(dataDir, uploadTimes)
  return ok({ uploadEnabled, uploadArguments, dumps, contents: [...crashReportContents], unknowns })
}
