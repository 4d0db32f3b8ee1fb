import { describe, expect, it } from 'vitest'
import type { OutboundEvent } from '../../../common/outbound/outbound-event'
import { LogParser } from './log-parser'
import { maxLineBytes } from './log-scanner'
import { OrderedEvents } from './ordered-events'
import { recordReader } from '../testing/parsed-records'

function parseText(
  text: string | Buffer,
  chunk = 7,
): { events: OutboundEvent[]; parser: LogParser } {
  const parser = new LogParser({ file: 'Plex Media Server.log' })
  const reader = recordReader(parser)
  const ordered = new OrderedEvents()
  const events: OutboundEvent[] = []
  const bytes = typeof text === 'string' ? Buffer.from(text) : text
  // Small chunks exercise the carry buffer: lines split anywhere, even inside a UTF-8 sequence.
  for (let i = 0; i < bytes.length; i += chunk) {
    events.push(...ordered.push(reader.feed(bytes.subarray(i, i + chunk))))
  }
  events.push(...ordered.push(reader.finish()), ...ordered.end())
  return { events, parser }
}

const t = 'Oct 16, 2017 23:27:45.183'

describe('LogParser', () => {
  it('pairs a 2017 error line with its request on the same thread and keeps the curl reason', () => {
    const { events } = parseText(
      [
        `${t} [0x7f4932ffd700] DEBUG - HTTP requesting GET http://ocspx.digicert.com/MFEw`,
        `${t} [0x7f4932ffd700] ERROR - Error issuing curl_easy_perform(handle): 6`,
        `${t} [0x7f4932ffd700] WARN - HTTP error requesting GET http://ocspx.digicert.com/MFEw (0, No error) (Couldn't resolve host 'ocspx.digicert.com')`,
        '',
      ].join('\n'),
    )
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      status: null,
      error: "(0, No error) (Couldn't resolve host 'ocspx.digicert.com')",
      category: 'certificates',
      source: { line: 1 },
    })
  })

  it('correlates by HCl# id across threads, not by thread', () => {
    const { events } = parseText(
      [
        'Aug 04, 2025 20:03:26.576 [0x16cde3000] DEBUG - [HCl#31] HTTP requesting GET https://plex.tv/api/v2/server/users?auth_token=xxxxxxxxxxxxxxxxxxxx',
        'Aug 04, 2025 20:03:26.576 [0x16cb27000] DEBUG - [MediaProviderManager/HCl#32] HTTP requesting GET https://plex.tv/media/providers?X-Plex-Token=xxxxxxxxxxxxxxxxxxxx',
        'Aug 04, 2025 20:03:26.926 [0x16c037000] DEBUG - [HttpClient/HCl#31] HTTP/1.1 (0.4s) 200 response from GET https://plex.tv/api/v2/server/users?auth_token=xxxxxxxxxxxxxxxxxxxx (reused)',
        'Aug 04, 2025 20:03:27.001 [0x16c037000] DEBUG - [HttpClient/HCl#32] HTTP/2.0 (0.1s) 503 response from GET https://plex.tv/media/providers?X-Plex-Token=xxxxxxxxxxxxxxxxxxxx',
      ].join('\n'),
    )
    expect(events.map(e => [e.source.line, e.status])).toEqual([
      [1, 200],
      [2, 503],
    ])
    expect(events[0]?.url).toBe(
      'https://plex.tv/api/v2/server/users?auth_token=xxxxxxxxxxxxxxxxxxxx',
    )
  })

  it('reads decimal thread ids, the em dash and localized levels, and the 2026 UI form', () => {
    const { events } = parseText(
      [
        'Feb 27, 2026 05:30:27.116 [547531153632] Debug — [HCl#5c] HTTP requesting GET https://metadata.provider.plex.tv/library/matches?title=x',
        'Feb 27, 2026 05:30:27.316 [547531153999] Ladění — [HttpClient/HCl#5c] HTTP/1.1 (0.2s) 200 response from GET https://metadata.provider.plex.tv/library/matches?title=x',
      ].join('\n'),
      3,
    )
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      status: 200,
      category: 'metadata-matching',
      policyItem: 'collect-3',
    })
  })

  it('uses the banner offset for ISO times after it, local time before it', () => {
    const { events } = parseText(
      [
        'Jun 17, 2023 22:43:58.000 [140101784881976] DEBUG - HTTP requesting GET https://plex.tv/a',
        'Jun 17, 2023 22:43:59.288 [140101784881976] INFO - Plex Media Server v1.32.3.7192-7aa441827 - Ubuntu PC armv71 - build: linux-arm7hf_neon debian - GMT 03:00',
        'Jun 17, 2023 22:44:00.000 [140101784881976] DEBUG - HTTP requesting GET https://plex.tv/b',
        '',
      ].join('\n'),
    )
    expect(events.map(e => [e.time, e.localTime])).toEqual([
      ['2023-06-17T22:43:58.000', true],
      ['2023-06-17T22:44:00.000+03:00', false],
    ])
  })

  it('makes one crash-report upload of a CrashUploader job line, host from --sentryUrl, key redacted nowhere stored', () => {
    const { events } = parseText(
      'Apr 02, 2025 04:00:40.495 [23030455913272] DEBUG - [JobRunner] Job running: /usr/lib/plexmediaserver/CrashUploader "--directory=/config/Crash Reports/1.41.5" --version=1.41.5 --serverUuid=7900a9db --userId=NOUSERID --sentryUrl=https://o17675.ingest.sentry.io/api/1233455/ --sentryKey=0123456789abcdef0123456789abcdef --vendor=Docker\n' +
        "Apr 02, 2025 04:00:41.000 [23030455913272] DEBUG - Jobs: '/usr/lib/plexmediaserver/CrashUploader' exit code for process 356 is 0 (success)\n",
    )
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      method: 'POST',
      url: 'https://o17675.ingest.sentry.io/api/1233455/?version=1.41.5&serverUuid=7900a9db&userId=NOUSERID&vendor=Docker',
      host: 'o17675.ingest.sentry.io',
      category: 'crash-reports',
      policyItem: 'collect-10',
    })
  })

  it('does not take URLs inside other messages for exchanges', () => {
    const { events } = parseText(
      [
        'Aug 04, 2025 20:03:27.267 [0x16bc63000] DEBUG - MyPlex: using cached data for request for https://plex.tv/api/v2/server/users/services?auth_token=xxxxxxxxxxxxxxxxxxxx',
        'Aug 04, 2025 20:03:27.268 [0x16bc63000] ERROR - MyPlex: Error -6 requesting JSON from: https://plex.tv/api/v2/user',
        'Aug 04, 2025 20:03:27.269 [0x16bc63000] DEBUG - [com.plexapp.system] HTTP reply status 200, with 418 bytes of content.',
        'Aug 04, 2025 20:03:27.270 [0x16bc63000] DEBUG - Sending command over HTTP (GET): /system/:/prefs',
      ].join('\n'),
    )
    expect(events).toEqual([])
  })

  it('keeps loopback and private addresses as local, upstream false', () => {
    const { events } = parseText(
      [
        `${t} [1] DEBUG - HTTP requesting GET http://192.168.1.20:32400/identity`,
        `${t} [1] DEBUG - HTTP requesting GET https://192-168-1-20.0123abcd.plex.direct:32400/identity`,
        `${t} [1] DEBUG - HTTP requesting GET https://139-162-22-22.0123abcd.plex.direct:8443/x`,
      ].join('\n'),
    )
    expect(events.map(e => [e.category, e.upstream])).toEqual([
      ['local', false],
      ['local', false],
      ['relay', true],
    ])
  })

  it('handles a quote prefix, CRLF line ends and a request never answered', () => {
    const { events } = parseText(
      `> ${t} [0x1] DEBUG - HTTP requesting PUT https://plex.tv/devices/abc?X-Plex-Token=xxxxxxxxxxxxxxxxxxxx\r\n`,
    )
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ method: 'PUT', status: null, category: 'registration' })
    expect(events[0]?.url).toBe('https://plex.tv/devices/abc?X-Plex-Token=xxxxxxxxxxxxxxxxxxxx')
  })

  it('tolerates a byte-order mark and response or error lines without a method', () => {
    const { events, parser } = parseText(
      [
        `\ufeff${t} [0x1] DEBUG - Starting`,
        `${t} [0x1] DEBUG - HTTP 200 response from http://my.plexapp.com/pms/:/ip`,
        `${t} [0x1] WARN - HTTP error requesting to: http://www.google-analytics.com/collect (7, x)`,
        `\ufeff${t} [0x1] DEBUG - HTTP requesting GET https://plex.tv/bom`,
      ].join('\n'),
    )
    expect(events.map(e => [e.method, e.status, e.error, e.host])).toEqual([
      ['UNKNOWN', 200, null, 'my.plexapp.com'],
      ['UNKNOWN', null, '(7, x)', 'www.google-analytics.com'],
      ['GET', null, null, 'plex.tv'],
    ])
    expect(parser.skipped.notLogLine).toBe(0)
  })

  it('counts malformed, huge and invalid UTF-8 lines instead of failing', () => {
    const huge = `${t} [1] DEBUG - HTTP requesting GET https://plex.tv/${'a'.repeat(maxLineBytes + 10)}`
    const bad = Buffer.concat([
      Buffer.from(`${t} [1] DEBUG - HTTP requesting GET https://plex.tv/\xff`, 'latin1'),
      Buffer.from('\n'),
    ])
    const text = Buffer.concat([
      Buffer.from(`${huge}\nGarbage HTTP line\n`),
      bad,
      Buffer.from(`${t} [1] DEBUG - HTTP requesting GET https://plex.tv/ok\n${huge}`),
    ])
    const { events, parser } = parseText(text, 4096)
    expect(events.map(e => e.source.line)).toEqual([4])
    expect(parser.skipped).toEqual({ malformed: 1, tooLong: 2, invalidUtf8: 1, notLogLine: 0 })
    expect(parser.position.lineNo).toBe(5)
  })

  it('resumes from a stored position and state: a response after a restart still answers its request', () => {
    const first = new LogParser({ file: 'a.log' })
    const line1 = `${t} [0x1] DEBUG - HTTP requesting GET https://plex.tv/x\n`
    const ops1 = recordReader(first).feed(Buffer.from(line1))
    expect(ops1).toHaveLength(1)
    const second = new LogParser({ file: 'a.log', state: first.state, start: first.position })
    const line2 = `${t} [0x1] DEBUG - HTTP 200 response from GET https://plex.tv/x\n`
    const ops2 = recordReader(second).feed(Buffer.from(line2))
    expect(ops2).toEqual([
      {
        kind: 'answer',
        key: (ops1[0] as { event: OutboundEvent }).event.key,
        status: 200,
        error: null,
      },
    ])
    expect(second.position).toEqual({ offset: line1.length + line2.length, lineNo: 2 })
  })

  it('completes a request answered in the same batch itself, and answers a later batch’s with an op', () => {
    const parser = new LogParser({ file: 'a.log' })
    const reader = recordReader(parser)
    const both =
      `${t} [0x1] DEBUG - [HCl#1] HTTP requesting GET https://plex.tv/a\n` +
      `${t} [0x2] DEBUG - [HttpClient/HCl#1] HTTP/1.1 (0.1s) 204 response from GET https://plex.tv/a\n` +
      `${t} [0x1] DEBUG - [HCl#2] HTTP requesting GET https://plex.tv/b\n`
    const ops = reader.feed(Buffer.from(both))
    expect(
      ops.map(op => (op.kind === 'event' ? [op.event.url, op.event.status] : op.kind)),
    ).toEqual([
      ['https://plex.tv/a', 204],
      ['https://plex.tv/b', null],
    ])
    expect(parser.folded).toBe(1)
    const later = reader.feed(
      Buffer.from(
        `${t} [0x2] DEBUG - [HttpClient/HCl#2] HTTP 500 response from GET https://plex.tv/b\n`,
      ),
    )
    expect(later).toEqual([
      {
        kind: 'answer',
        key: (ops[1] as { event: OutboundEvent }).event.key,
        status: 500,
        error: null,
      },
    ])
    expect(parser.folded).toBe(1)
  })
})
