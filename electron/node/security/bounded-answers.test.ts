import type { ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { createPlexClient } from '../server/plex-client'
import { maxResponseBytes } from '../server/plex-http'
import { startHttpFixture, type HttpFixture } from '../server/testing/http-fixture'

// SECURITY.md: "An answer is read at most to its size cap and within its timeout."
const token = 'sEcReT-tOkEn-123456'
const MiB = 1024 * 1024

let fixture: HttpFixture | undefined
afterEach(async () => {
  await fixture?.close()
  fixture = undefined
})

function clientFor(url: string, timeoutMs: number) {
  return createPlexClient({ baseUrl: url, token, timeoutMs, headers: {} })
}

/**
 * Streams `total` bytes of a JSON-looking body without a length, 1 MiB at a time, as fast as it
 * is read; `onSent` hears how much went out.
 */
function streamHuge(
  response: ServerResponse,
  total: number,
  onSent: (bytes: number) => void,
): void {
  response.writeHead(200, { 'content-type': 'application/json' })
  const chunk = Buffer.alloc(MiB, 0x20)
  let sent = 0
  const pump = () => {
    while (sent < total && !response.destroyed) {
      sent += chunk.length
      onSent(sent)
      if (!response.write(chunk)) {
        response.once('drain', pump)
        return
      }
    }
    response.end()
  }
  response.write('{"MediaContainer":{"size":0,"Setting":[')
  pump()
}

describe('answers from a server are bounded', () => {
  it('cuts off a huge body with a clear error, and memory stays bounded', async () => {
    let streamed = 0
    fixture = await startHttpFixture((_request, response) => {
      streamHuge(response, 1024 * MiB, sent => (streamed = sent))
    })
    const peakBefore = process.resourceUsage().maxRSS * 1024
    const result = await clientFor(fixture.url, 60_000).prefs()
    const peakAfter = process.resourceUsage().maxRSS * 1024
    expect(result).toMatchObject({ ok: false, error: { kind: 'badResponse' } })
    const message = result.ok ? '' : result.error.message
    expect(message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/:\/prefs: the answer is larger than 8 MiB; Hush stopped reading it$/,
    )
    // A gigabyte went out at most partly; the peak memory grew by far less than the body.
    expect(peakAfter - peakBefore).toBeLessThan(128 * MiB)
    expect(streamed).toBeLessThan(1024 * MiB)
    expect(maxResponseBytes).toBe(8 * MiB)
  }, 60_000)

  it('refuses a body whose declared length is over the cap before reading it', async () => {
    fixture = await startHttpFixture((_request, response) => {
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': 4 * 1024 ** 3,
      })
      response.write('{"MediaContainer":')
    })
    const result = await clientFor(fixture.url, 5000).prefs()
    expect(result.ok ? '' : result.error.message).toMatch(/larger than 8 MiB/)
  })

  it('times out on a server that stalls in the middle of a body', async () => {
    fixture = await startHttpFixture((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write('{"MediaContainer":{"size":1,"Setting":[{"id":"a"')
      // …and nothing more, ever: the connection stays open.
    })
    const started = Date.now()
    const result = await clientFor(fixture.url, 400).prefs()
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } })
    expect(result.ok ? '' : result.error.message).toMatch(/no answer within 400 ms$/)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('times out on a server that trickles a byte at a time for ever', async () => {
    fixture = await startHttpFixture((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      const timer = setInterval(() => response.write(' '), 50)
      response.on('close', () => clearInterval(timer))
    })
    const started = Date.now()
    const result = await clientFor(fixture.url, 500).prefs()
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } })
    expect(Date.now() - started).toBeLessThan(5000)
  })
})
