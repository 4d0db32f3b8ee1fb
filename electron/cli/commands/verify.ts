import { writeFile } from 'node:fs/promises'
import { extname } from 'node:path'
import type { VerifyReport } from '../../common/api/preview-schemas'
import { switchCatalog } from '../../common/switches/catalog'
import { renderVerifyReport } from '../../node/verify/verify-report-file'
import { runVerification } from '../../node/verify/run-verification'
import { exitCode, fail, flagOption, printJson, stringOption, type Command } from '../command'
import { connectCommand } from '../connect-command'

/** `hush verify`: the evidence, per switch that is off, that nothing of its kind left since. */
export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Evidence from the server log that each switch that is off really stopped its data',
  usage: '[--json] [--report FILE.md|FILE.html]',
  options: { json: { type: 'boolean' }, report: { type: 'string' } },
  connects: true,
  async run(context) {
    const { io } = context
    const connected = await connectCommand(context)
    if (!connected.ok) {
      return fail(io, connected.error.message)
    }
    const { connection, engine, store, dataDir } = connected.value
    const report = await runVerification({
      client: connection.client,
      engine,
      store,
      catalog: switchCatalog,
      serverId: connection.info.machineIdentifier,
      dataDir,
    })
    if (!report.ok) {
      return fail(io, report.error.message)
    }
    const reportPath = stringOption(context, 'report')
    let sha256: string | null = null
    if (reportPath !== undefined) {
      const format = extname(reportPath).toLowerCase() === '.html' ? 'html' : 'markdown'
      const rendered = renderVerifyReport(report.value, switchCatalog, format)
      await writeFile(reportPath, rendered.content)
      sha256 = rendered.sha256
    }
    if (flagOption(context, 'json')) {
      printJson(io, { ...report.value, report: reportPath ? { path: reportPath, sha256 } : null })
    } else {
      io.stdout(formatVerification(report.value, dataDir === null))
      if (reportPath) {
        io.stdout(`\nReport written to ${reportPath} (SHA-256 ${sha256 ?? ''})\n`)
      }
    }
    return exitCode.ok
  },
}

function formatVerification(report: VerifyReport, noLog: boolean): string {
  const titles = new Map(switchCatalog.map(entry => [entry.id, entry.title.en]))
  const lines: string[] = []
  if (noLog) {
    lines.push(
      'Note: the server’s data folder is not on this machine, so there is no log to judge by (pass --data-dir).',
      '',
    )
  }
  if (report.results.length === 0) {
    lines.push('No switch is off: there is nothing to verify yet.')
  }
  for (const result of report.results) {
    lines.push(
      `${result.verdict.toUpperCase().padEnd(12)} ${titles.get(result.switchId) ?? result.switchId}`,
    )
    lines.push(`             off since ${result.offSince ?? 'unknown'} — ${result.note}`)
    for (const event of result.eventsSince.slice(0, 5)) {
      lines.push(`             sent ${event.time} ${event.method} ${event.url}`)
    }
  }
  return `${lines.join('\n')}\n`
}
