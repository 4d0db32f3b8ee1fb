import { writeFile } from 'node:fs/promises'
import { extname } from 'node:path'
import type { VerifyReport } from '../../common/api/verify-schemas'
import { backgroundFlows } from '../../common/evidence/background-flows'
import { switchCatalog } from '../../common/switches/catalog'
import { renderVerifyReport } from '../../node/verify/verify-report-file'
import { exitCode, fail, flagOption, printJson, stringOption, type Command } from '../command'
import { withConnectedCore } from '../command-core'

/** `hush verify`: the evidence, per switch that is off, that nothing of its kind left since. */
export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Evidence from the server log that each switch that is off really stopped its data',
  usage: '[--json] [--report FILE.md|FILE.html] [--unmasked]',
  options: {
    json: { type: 'boolean' },
    report: { type: 'string' },
    unmasked: { type: 'boolean' },
  },
  connects: true,
  run: context =>
    withConnectedCore(context, {}, async ({ bridge }, server) => {
      const { io } = context
      const { dataDir } = server
      const report = await bridge.call('verify.run', {})
      if (!report.ok) {
        return fail(io, report.error.message)
      }
      const reportPath = stringOption(context, 'report')
      let sha256: string | null = null
      if (reportPath !== undefined) {
        const format = extname(reportPath).toLowerCase() === '.html' ? 'html' : 'markdown'
        const rendered = renderVerifyReport(report.value, {
          format,
          masked: !flagOption(context, 'unmasked'),
        })
        await writeFile(reportPath, rendered.content)
        sha256 = rendered.sha256
      }
      if (flagOption(context, 'json')) {
        printJson(io, { ...report.value, report: reportPath ? { path: reportPath, sha256 } : null })
      } else {
        io.stdout(
          formatVerification(report.value, report.value.log.files === 0 && dataDir === null),
        )
        if (reportPath) {
          io.stdout(`\nReport written to ${reportPath} (SHA-256 ${sha256 ?? ''})\n`)
        }
      }
      return exitCode.ok
    }),
}

const verdictLabels: Readonly<Record<string, string>> = {
  verified: 'VERIFIED',
  leaking: 'LEAKING',
  ambiguous: 'AMBIGUOUS',
  'no-evidence': 'NO EVIDENCE',
  'not-visible': 'NOT VISIBLE',
}

function formatVerification(report: VerifyReport, noLog: boolean): string {
  const titles = new Map(switchCatalog.map(entry => [entry.id, entry.title.en]))
  const lines: string[] = []
  if (noLog) {
    lines.push(
      'Note: Hush has no log of this server to judge by: its data folder is not on this machine (pass --data-dir), or, for a server picked with `hush servers use`, no log has been pulled yet (`hush log pull`).',
      '',
    )
  }
  lines.push(
    `${report.server.name} (Plex Media Server ${report.server.version}); log ${report.log.from ?? 'none'} – ${report.log.to ?? 'none'}, times on the server’s log clock.`,
    '',
  )
  const witness = report.connectionWitness
  if (witness) {
    lines.push(
      witness.scope === 'now'
        ? 'Connections: looked at now (no witness ran before), for the relay and crash uploads.'
        : `Connections: watched since ${witness.since}, sampled every ${witness.intervalSeconds} s.`,
      ...witness.notices.map(notice => `  ${notice}`),
      '',
    )
  }
  if (report.results.length === 0) {
    lines.push('No switch is off: there is nothing to verify yet.')
  }
  for (const result of report.results) {
    const label = verdictLabels[result.verdict] ?? result.verdict
    lines.push(`${label.padEnd(12)} ${titles.get(result.switchId) ?? result.switchId}`)
    const since = result.offSince === null ? '' : `off since ${result.offSince} — `
    lines.push(`             ${since}${result.note}`)
    for (const event of [...result.leaks, ...result.ambiguous].slice(0, 5)) {
      lines.push(`             sent ${event.time} ${event.method} ${event.url}`)
    }
    const more = result.leakCount + result.ambiguousCount - 5
    if (more > 0) {
      lines.push(`             … and ${more} more (hush log list --since ${result.offSince ?? ''})`)
    }
  }
  const flowing = report.background.filter(summary => summary.count > 0)
  if (flowing.length > 0) {
    lines.push('', 'Still flows, whatever you choose:')
    for (const summary of flowing) {
      const flow = backgroundFlows.find(candidate => candidate.id === summary.flowId)
      lines.push(`  ${(flow?.title.en ?? summary.flowId).padEnd(36)} ${summary.count} request(s)`)
    }
  }
  if (report.other.count > 0) {
    lines.push(`  ${'Other upstream traffic'.padEnd(36)} ${report.other.count} request(s)`)
  }
  return `${lines.join('\n')}\n`
}
