import type { CrashReportsPreview } from '../../common/api/preview-schemas'
import { exitCode, fail, flagOption, printJson, type Command } from '../command'
import { withConnectedCore } from '../command-core'

/** `hush preview crash-reports`: the dumps waiting to be uploaded, and `--delete` to remove them. */
export const previewCrashReportsCommand: Command = {
  name: 'preview crash-reports',
  summary:
    'Crash dumps on disk, uploaded or pending, and what a report carries; --delete removes pending ones',
  usage: '[--delete] [--yes] [--json]',
  options: { delete: { type: 'boolean' }, yes: { type: 'boolean' }, json: { type: 'boolean' } },
  connects: true,
  run: context =>
    withConnectedCore(context, {}, async ({ bridge }, server) => {
      const { io } = context
      const { dataDir } = server
      const preview = await bridge.call('preview.crashReports', {})
      if (!preview.ok) {
        return fail(io, preview.error.message)
      }
      const pending = preview.value.dumps.filter(dump => dump.status === 'pending')
      let deleted: string[] = []
      if (flagOption(context, 'delete')) {
        if (preview.value.needsServerFiles !== undefined) {
          return fail(io, `cannot delete dumps: ${preview.value.needsServerFiles}`)
        }
        if (dataDir === null) {
          return fail(
            io,
            'cannot delete dumps: the server’s data folder is not on this machine (pass --data-dir)',
          )
        }
        if (pending.length > 0 && !flagOption(context, 'yes')) {
          io.stdout(`Delete ${pending.length} pending crash dump(s)? Type "yes" to confirm: `)
          const answer = await io.readLine()
          if (answer?.trim().toLowerCase() !== 'yes') {
            return fail(io, 'nothing deleted (not confirmed; pass --yes to skip the question)')
          }
        }
        const removed = await bridge.call('preview.deleteCrashDumps', {
          paths: pending.map(dump => dump.path),
        })
        if (!removed.ok) {
          return fail(io, removed.error.message)
        }
        deleted = removed.value.deleted
      }
      if (flagOption(context, 'json')) {
        printJson(io, { ...preview.value, deleted })
      } else {
        io.stdout(formatCrashReports(preview.value, deleted))
      }
      return exitCode.ok
    }),
}

function formatCrashReports(preview: CrashReportsPreview, deleted: readonly string[]): string {
  const upload = preview.uploadEnabled === null ? 'unknown' : preview.uploadEnabled ? 'on' : 'off'
  const lines = [`Crash report upload: ${upload}`, '']
  // A server on another machine: its notes below say why Hush cannot list the dumps.
  if (preview.dumps.length === 0 && preview.needsServerFiles === undefined) {
    lines.push('No crash dumps on disk.')
  }
  for (const dump of preview.dumps) {
    const gone = deleted.includes(dump.path) ? ' (deleted)' : ''
    lines.push(
      `${dump.status.padEnd(8)} ${String(Math.round(dump.sizeBytes / 1024)).padStart(7)} KiB  ${dump.modifiedAt}  ${dump.version}  ${dump.path}${gone}`,
    )
  }
  lines.push('', 'Each upload’s command line tells Sentry:')
  for (const argument of preview.uploadArguments) {
    lines.push(
      `  ${argument.name.padEnd(18)} ${argument.value ?? `(${argument.meaning}, filled in by the uploader)`}`,
    )
  }
  lines.push('', 'A crash report carries:', ...preview.contents.map(text => `  - ${text}`))
  lines.push(...preview.unknowns.map(text => `Note: ${text}`))
  return `${lines.join('\n')}\n`
}
