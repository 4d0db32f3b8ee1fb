import { createHash } from 'node:crypto'
import type { OutboundEventView } from '../../common/api/log-schemas'
import type { Verification, VerifyReport } from '../../common/api/verify-schemas'
import { backgroundFlows } from '../../common/evidence/background-flows'
import { findSwitch } from '../../common/switches/catalog'
import { maskUrlForSharing } from './share-mask'

/** A rendered verification report and the SHA-256 of its content. */
export interface RenderedReport {
  readonly fileName: string
  readonly content: string
  readonly sha256: string
}

/** How to render: Markdown or HTML, and whether the owner's details are masked (the default). */
export interface ReportOptions {
  readonly format: 'markdown' | 'html'
  readonly masked?: boolean
}

const verdictWords: Readonly<Record<Verification['verdict'], string>> = {
  verified: 'Verified: nothing it stops was sent since it went off',
  leaking: 'Leaking: sent while it was off',
  ambiguous: 'Ambiguous: sent while it and another switch were off',
  'no-evidence': 'No evidence either way',
  'not-visible': 'Not visible in the server’s log',
}

/** Text, or a request shown as code. */
type Piece = string | { readonly code: string }

interface Section {
  readonly title: string
  readonly items: readonly (readonly Piece[])[]
}

function minutes(total: number | null): string {
  if (total === null) {
    return 'unknown'
  }
  return total >= 60 ? `${Math.floor(total / 60)} h ${total % 60} min` : `${total} min`
}

function requestPieces(event: OutboundEventView, mask: (url: string) => string): Piece[] {
  return [
    `${event.time} `,
    { code: `${event.method} ${mask(event.url)}` },
    ` (${event.source.file}, line ${event.source.line})`,
  ]
}

function switchSection(
  result: Verification,
  report: VerifyReport,
  mask: (url: string) => string,
): Section {
  const items: Piece[][] = [[verdictWords[result.verdict]], [result.note]]
  if (result.offSince !== null) {
    const basis =
      result.offBasis === 'server-log'
        ? 'the server logged the change'
        : 'Hush saw it off, and the server’s log shows no change since'
    items.push([`Off since ${result.offSince} on the server’s log clock (${basis}).`])
    items.push([`Debug log since then: ${minutes(result.coveredMinutes)}.`])
    items.push(
      result.lastBefore === null
        ? [
            `Last request of its kind before: none in the log (${report.log.from ?? '?'} – ${report.log.to ?? '?'}).`,
          ]
        : [
            `Last request of its kind before (${result.countBefore} in the log before it went off): `,
            ...requestPieces(result.lastBefore, mask),
          ],
    )
  }
  const listed = (label: string, events: readonly OutboundEventView[], count: number): void => {
    if (count === 0) {
      return
    }
    items.push([`${label} (${count}):`])
    for (const event of events) {
      items.push(['— ', ...requestPieces(event, mask)])
    }
    if (count > events.length) {
      items.push([
        `— ${count - events.length} more are in Hush’s outbound log: `,
        { code: `hush log list --since ${result.offSince ?? ''}` },
      ])
    }
  }
  listed('Sent while it was off', result.leaks, result.leakCount)
  listed('Sent while it and another switch were off', result.ambiguous, result.ambiguousCount)
  items.push(...connectionItems(result, mask))
  return { title: findSwitch(result.switchId)?.title.en ?? result.switchId, items }
}

/** What the connection witness saw of a switch's process (Hush's clock), host names masked. */
function connectionItems(result: Verification, mask: (url: string) => string): Piece[][] {
  const c = result.witnesses?.connections
  if (!c) {
    return []
  }
  const rests = result.witnesses?.restsOn.join(' and ') || 'neither witness'
  const items: Piece[][] = [
    [
      c.scope === 'now'
        ? `Connections of ${c.process}: Hush looked at verification time; ${c.count} open while it was off.`
        : `Connections of ${c.process}: watched since ${c.since} (Hush’s clock, ${minutes(c.coveredMinutes)}); ${c.count} while it was off.`,
    ],
    [`The verdict rests on: ${rests}.`],
  ]
  const shown = (connection: (typeof c.connections)[number]): Piece[] => [
    `${connection.firstSeen} – ${connection.closedAt ?? 'open'} `,
    { code: mask(`tcp://${connection.host}`) },
    ` (${connection.bytesSent ?? '?'} bytes sent, ${connection.bytesReceived ?? '?'} received)`,
  ]
  for (const connection of c.connections) {
    items.push(['— ', ...shown(connection)])
  }
  if (c.lastBefore) {
    items.push(['Last connection before it went off: ', ...shown(c.lastBefore)])
  }
  return items
}

function documentOf(
  report: VerifyReport,
  masked: boolean,
): { head: Piece[][]; sections: Section[] } {
  const mask = masked ? maskUrlForSharing : (url: string) => url
  const count = (verdict: Verification['verdict']): number =>
    report.results.filter(result => result.verdict === verdict).length
  const head: Piece[][] = [
    [
      `Server: ${report.server.name} (${report.server.machineIdentifier}), Plex Media Server ${report.server.version}.`,
    ],
    [
      `Server log: ${report.log.from ?? 'none'} – ${report.log.to ?? 'none'} (${report.log.files} file(s)). Every time below is on the server’s log clock${report.log.zoneKnown ? ' (zone from its start-up banner)' : ', read as UTC: the log named no zone'}.`,
    ],
    [
      `Clocks: Hush’s clock ${report.clock.hushNow}; the server’s clock ${report.clock.serverNow ?? 'not reported'}${report.clock.offsetMs === null ? '' : ` (server − Hush: ${(report.clock.offsetMs / 1000).toFixed(1)} s)`}.`,
    ],
    [
      `Server debug logging: ${report.debugLogging === null ? 'unknown' : report.debugLogging ? 'on' : 'off'}.`,
    ],
    [`Made by Hush ${report.hushVersion} at ${report.generatedAt} (Hush’s clock).`],
    ...connectionWitnessHead(report),
    [
      masked
        ? 'Addresses, item ids, file names and other values are masked for sharing; `hush verify --unmasked` keeps them.'
        : 'Nothing is masked: this report shows addresses and item ids as the log has them.',
    ],
    [
      `Verified ${count('verified')}, leaking ${count('leaking')}, ambiguous ${count('ambiguous')}, no evidence ${count('no-evidence')}, not visible in the log ${count('not-visible')}.`,
    ],
  ]
  const background: Section = {
    title: 'Still flows, whatever you choose',
    items: [
      ...report.background.map(summary => {
        const flow = backgroundFlows.find(candidate => candidate.id === summary.flowId)
        return [
          `${flow?.title.en ?? summary.flowId}: ${summary.count} request(s) in the log. ${flow?.why.en ?? ''}`,
        ]
      }),
      [
        `Other upstream requests: ${report.other.count}${report.other.hosts.length > 0 ? ` (${report.other.hosts.map(host => (masked ? host.replace(/^\d[\d.]*$/, '…') : host)).join(', ')})` : ''}.`,
      ],
    ],
  }
  return {
    head,
    sections: [...report.results.map(result => switchSection(result, report, mask)), background],
  }
}

/** Escapes text for Markdown, so that a title or a URL cannot start a link, a table or emphasis. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&')
}

function codeSpan(text: string): string {
  const clean = text.replace(/`/g, '%60')
  return `\`${clean}\``
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

const markdown = (pieces: readonly Piece[]): string =>
  pieces
    .map(piece => (typeof piece === 'string' ? escapeMarkdown(piece) : codeSpan(piece.code)))
    .join('')
const html = (pieces: readonly Piece[]): string =>
  pieces
    .map(piece =>
      typeof piece === 'string' ? escapeHtml(piece) : `<code>${escapeHtml(piece.code)}</code>`,
    )
    .join('')

/**
 * Renders the report as Markdown or HTML. The last line carries the SHA-256 of everything above
 * it, so a copy can be checked later for changes.
 */
export function renderVerifyReport(report: VerifyReport, options: ReportOptions): RenderedReport {
  const { head, sections } = documentOf(report, options.masked !== false)
  const body =
    options.format === 'markdown'
      ? [
          '# Hush verification report',
          '',
          ...head.map(line => `- ${markdown(line)}`),
          '',
          ...sections.flatMap(section => [
            `## ${escapeMarkdown(section.title)}`,
            '',
            ...section.items.map(item => `- ${markdown(item)}`),
            '',
          ]),
        ].join('\n')
      : [
          '<!doctype html>',
          '<html lang="en"><head><meta charset="utf-8"><title>Hush verification report</title></head><body>',
          '<h1>Hush verification report</h1>',
          '<ul>',
          ...head.map(line => `<li>${html(line)}</li>`),
          '</ul>',
          ...sections.flatMap(section => [
            `<h2>${escapeHtml(section.title)}</h2>`,
            '<ul>',
            ...section.items.map(item => `<li>${html(item)}</li>`),
            '</ul>',
          ]),
          '</body></html>',
        ].join('\n')
  const sha256 = createHash('sha256').update(body).digest('hex')
  const footer =
    options.format === 'markdown'
      ? `\nSHA-256 of the report above: ${sha256}\n`
      : `\n<!-- SHA-256 of the report above: ${sha256} -->\n`
  const stamp = report.generatedAt.replace(/[:.]/g, '-')
  return {
    fileName: `hush-verification-${stamp}.${options.format === 'markdown' ? 'md' : 'html'}`,
    content: `${body}${footer}`,
    sha256,
  }
}

/** How the connection witness looked, and what it could not see. */
function connectionWitnessHead(report: VerifyReport): Piece[][] {
  const w = report.connectionWitness
  if (w === undefined) {
    return []
  }
  if (w === null) {
    return [
      ['Connection witness: none (the server is not on this machine, or the owner turned it off).'],
    ]
  }
  return [
    [
      w.scope === 'now'
        ? `Connection witness: no witness ran before, so Hush looked twice at verification time; it can only say what was open then.`
        : `Connection witness: watching since ${w.since} (Hush’s clock), sampled every ${w.intervalSeconds} s; a connection shorter than that can be missed.`,
    ],
    ...w.notices.map(notice => [`The witness cannot see everything: ${notice}`]),
  ]
}
