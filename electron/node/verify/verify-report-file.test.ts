import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { OutboundEventView } from '../../common/api/log-schemas'
import type { VerifyReport } from '../../common/api/verify-schemas'
import { escapeMarkdown, renderVerifyReport } from './verify-report-file'
import { maskUrlForSharing } from './share-mask'

function leak(n: number): OutboundEventView {
  return {
    id: n,
    time: `2026-01-01T10:${String(n % 60).padStart(2, '0')}:00.000+00:00`,
    method: 'GET',
    url: `https://metadata.provider.plex.tv/library/metadata/5d776825880197001ec967c${n % 10}/extras?X-Plex-Token=REDACTED`,
    host: 'metadata.provider.plex.tv',
    upstream: true,
    status: 200,
    error: null,
    service: 'Plex trailers and extras',
    category: 'trailers-extras',
    policyItem: 'collect-6',
    source: { file: 'Plex Media Server.log', line: 100 + n },
  }
}

const report: VerifyReport = {
  generatedAt: '2026-01-01T12:00:00.000Z',
  hushVersion: '0.1.0',
  debugLogging: true,
  server: { name: 'Den *server* [x](y)', machineIdentifier: 'abc123', version: '1.42.2.10156' },
  log: {
    from: '2026-01-01T08:00:00.000+00:00',
    to: '2026-01-01T11:59:00.000+00:00',
    files: 2,
    zoneKnown: true,
  },
  clock: {
    hushNow: '2026-01-01T12:00:00.000Z',
    serverNow: '2026-01-01T12:00:03.000Z',
    offsetMs: 3000,
  },
  results: [
    {
      switchId: 'extras',
      verdict: 'leaking',
      reason: null,
      offSince: '2026-01-01T09:00:00.000Z',
      offBasis: 'server-log',
      coveredMinutes: 179,
      lastBefore: leak(0),
      countBefore: 4,
      leaks: Array.from({ length: 200 }, (_, n) => leak(n + 1)),
      leakCount: 260,
      ambiguous: [],
      ambiguousCount: 0,
      candidates: [],
      alike: [],
      note: '260 request(s) that only this switch stops were sent while it was off.',
    },
  ],
  background: [{ flowId: 'registration', count: 4, latest: null }],
  other: { count: 2, hosts: ['203.0.113.9'] },
}

describe('the verification report', () => {
  it('names the server, the log’s span, the clocks and Hush’s version, and lists every leak it has with a count of the rest', () => {
    const { content } = renderVerifyReport(report, { format: 'markdown' })
    expect(content).toContain('Den \\*server\\* \\[x\\]\\(y\\)')
    expect(content).toContain('abc123')
    expect(content).toContain('Plex Media Server 1\\.42\\.2\\.10156')
    expect(content).toContain('2026\\-01\\-01T08:00:00\\.000\\+00:00')
    expect(content).toContain('server’s log clock')
    expect(content).toContain('server − Hush: 3\\.0 s')
    expect(content).toContain('Hush 0\\.1\\.0')
    expect((content.match(/\/extras\?X-Plex-Token=REDACTED/g) ?? []).length).toBe(201)
    expect(content).toContain('60 more are in Hush’s outbound log')
    expect(content).toContain('Still flows, whatever you choose')
  })

  it('masks item ids, addresses and values for sharing unless asked not to', () => {
    const masked = renderVerifyReport(report, { format: 'markdown' }).content
    expect(masked).not.toContain('5d776825880197001ec967c')
    expect(masked).not.toContain('203.0.113.9')
    const open = renderVerifyReport(report, { format: 'markdown', masked: false }).content
    expect(open).toContain('5d776825880197001ec967c1')
    expect(
      maskUrlForSharing(
        'https://plex.tv/devices/0123456789abcdef0123?Connection[][uri]=http://192.168.1.20:32400&httpsEnabled=1',
      ),
    ).toBe('https://plex.tv/devices/…?Connection[][uri]=…&httpsEnabled=1')
    expect(maskUrlForSharing('https://139-162-247-112.0123abcdef.plex.direct:8443/x')).toBe(
      'https://….….plex.direct:8443/x',
    )
    expect(maskUrlForSharing('https://203.0.113.9/Movies/Heat%20(1995).mkv')).toBe(
      'https://…/Movies/…',
    )
  })

  it('escapes Markdown in every text, and carries the SHA-256 of its content', () => {
    expect(escapeMarkdown('# [a](b) *c* `d` |e|')).toBe(
      '\\# \\[a\\]\\(b\\) \\*c\\* \\`d\\` \\|e\\|',
    )
    const rendered = renderVerifyReport(report, { format: 'markdown' })
    const [body] = rendered.content.split('\nSHA-256 of the report above: ')
    expect(
      createHash('sha256')
        .update(body ?? '')
        .digest('hex'),
    ).toBe(rendered.sha256)
    const html = renderVerifyReport(report, { format: 'html' }).content
    expect(html).toContain('Den *server* [x](y)')
    expect(html).not.toMatch(/<script/i)
  })
})
