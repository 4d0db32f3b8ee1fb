import { createHash } from 'node:crypto'
import type { VerifyReport } from '../../common/api/preview-schemas'
import type { SwitchEntry } from '../../common/switches/switch-types'

/** A rendered verification report and the SHA-256 of its content. */
export interface RenderedReport {
  readonly fileName: string
  readonly content: string
  readonly sha256: string
}

const verdictWords: Readonly<Record<string, string>> = {
  verified: 'Verified: nothing sent since it was turned off',
  leaking: 'Leaking: still sent after it was turned off',
  'no-evidence': 'No evidence either way',
}

/**
 * Renders the report as Markdown or HTML. The last line carries the SHA-256 of everything above
 * it, so a copy can be checked later for changes.
 */
export function renderVerifyReport(
  report: VerifyReport,
  catalog: readonly SwitchEntry[],
  format: 'markdown' | 'html',
): RenderedReport {
  const titles = new Map(catalog.map(entry => [entry.id, entry.title.en]))
  const blocks = report.results.map(result => ({
    title: titles.get(result.switchId) ?? result.switchId,
    lines: [
      verdictWords[result.verdict] ?? result.verdict,
      `Turned off: ${result.offSince ?? 'unknown'}`,
      `Last request of this kind before: ${result.lastBefore ? `${result.lastBefore.time} ${result.lastBefore.method} ${result.lastBefore.url}` : 'none in the log'}`,
      result.note,
      ...result.eventsSince.map(event => `Sent: ${event.time} ${event.method} ${event.url}`),
    ],
  }))
  const intro = [
    `Generated ${report.generatedAt}.`,
    `Server debug logging: ${report.debugLogging === null ? 'unknown' : report.debugLogging ? 'on' : 'off'}.`,
  ]
  const body =
    format === 'markdown'
      ? [
          '# Hush verification report',
          '',
          ...intro,
          '',
          ...blocks.flatMap(block => [
            `## ${block.title}`,
            '',
            ...block.lines.map(line => `- ${line}`),
            '',
          ]),
        ].join('\n')
      : [
          '<!doctype html>',
          '<html lang="en"><head><meta charset="utf-8"><title>Hush verification report</title></head><body>',
          '<h1>Hush verification report</h1>',
          ...intro.map(line => `<p>${escapeHtml(line)}</p>`),
          ...blocks.flatMap(block => [
            `<h2>${escapeHtml(block.title)}</h2>`,
            '<ul>',
            ...block.lines.map(line => `<li>${escapeHtml(line)}</li>`),
            '</ul>',
          ]),
          '</body></html>',
        ].join('\n')
  const sha256 = createHash('sha256').update(body).digest('hex')
  const footer =
    format === 'markdown'
      ? `\nSHA-256 of the report above: ${sha256}\n`
      : `\n<!-- SHA-256 of the report above: ${sha256} -->\n`
  const stamp = report.generatedAt.replace(/[:.]/g, '-')
  return {
    fileName: `hush-verification-${stamp}.${format === 'markdown' ? 'md' : 'html'}`,
    content: `${body}${footer}`,
    sha256,
  }
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}
