import fc from 'fast-check'
import { readdir, readFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { redactText, redactUrl } from '../../common/outbound/redact'
import { decodeFully } from '../../common/outbound/secret-names'
import { openOutboundLog } from '../outbound/outbound-log'
import { parseFiles } from '../outbound/parse/parse-file'
import { headerAt } from '../outbound/testing/synthetic-log'

// SECURITY.md: "No token, password, key or e-mail address from the server log reaches the store,
// the dashboard or an export, in any position or encoding."

/** A secret value no URL holds by chance: a fixed prefix and 20 random letters and digits. */
const secretArb = fc.stringMatching(/^[A-Za-z0-9]{20}$/).map(tail => `Sk${tail}`)

const secretNames = [
  'X-Plex-Token',
  'x-plex-token',
  'X-PLEX-TOKEN',
  'X-Plex-Token[]',
  'token[0]',
  'plex_token',
  'authenticity_token',
  'auth_token',
  'authToken',
  'access_token',
  'api_key',
  'apiKey',
  'sentryKey',
  'client_secret',
  'password',
  'passwd',
  'Signature',
  'X-Amz-Signature',
  'session_id',
  'sessionToken',
  'jwt',
]

const hex = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
/** Every character percent-encoded. */
const encodeAll = (text: string) => [...text].map(hex).join('')
/** Only the characters a careful client would encode, plus `-` and `=`. */
const encodeSome = (text: string) => text.replace(/[^A-Za-z0-9_.~]/g, hex)
const encodings: ReadonlyArray<(text: string) => string> = [
  text => text,
  encodeSome,
  encodeURIComponent,
  encodeAll,
  text => encodeURIComponent(encodeURIComponent(text)),
  text => encodeSome(encodeSome(text)),
]
const encodingArb = fc.constantFrom(...encodings)
const caseArb = fc.constantFrom<(text: string) => string>(
  text => text,
  text => text.toLowerCase(),
  text => text.toUpperCase(),
)

/** A URL holding one secret somewhere: its secret, and the URL. */
interface SecretUrl {
  readonly secret: string
  readonly url: string
}

const hostArb = fc.constantFrom(
  'https://plex.tv',
  'https://metadata.provider.plex.tv',
  'http://127.0.0.1:32400',
  'https://192-168-1-5.0123abcd.plex.direct:8443',
)

const secretUrlArb: fc.Arbitrary<SecretUrl> = fc
  .record({
    host: hostArb,
    secret: secretArb,
    name: fc.constantFrom(...secretNames),
    nameCase: caseArb,
    nameEncoding: encodingArb,
    valueEncoding: encodingArb,
    outer: encodingArb,
    position: fc.integer({ min: 0, max: 10 }),
  })
  .map(({ host, secret, name, nameCase, nameEncoding, valueEncoding, outer, position }) => {
    const pair = `${nameEncoding(nameCase(name))}=${valueEncoding(secret)}`
    const email = `${secret.toLowerCase()}@example.com`
    const nested = `https://plex.tv/api/v2/user?${pair}`
    const urls = [
      `${host}/api/v2/user?a=1&${pair}&b=2`,
      `${host}/library/sections?${pair}`,
      `${host}/web/index.html#!/setup?${pair}`,
      `${host}/photo/:/transcode?width=200&url=${outer(nested)}`,
      `${host}/photo/:/transcode/${encodeURIComponent(outer(nested))}/x`,
      `${host}/x?${outer(`${name}=${secret}`)}`,
      `${host}/a;${pair}/b`,
      `${host.replace('://', `://owner:${valueEncoding(secret)}@`)}/hook`,
      `${host}/api/v2/users/${outer(email)}/settings`,
      `${host}/api/v2/users/signin?login=${outer(email)}&x=1`,
      `${host}/x#${pair}`,
    ]
    return { secret, url: urls[position] ?? urls[0] ?? '' }
  })

/** Whether a text holds the secret, as it is or in any encoding of it. */
function holds(text: string, secret: string): boolean {
  const lower = secret.toLowerCase()
  return [text, decodeFully(text)].some(t => t.includes(secret) || t.toLowerCase().includes(lower))
}

describe('redaction by structure', () => {
  it.each([
    ['/users/owner@example.com/', 'https://plex.tv/api/v2/users/owner@example.com/settings'],
    ['/users/owner%40example.com/', 'https://plex.tv/api/v2/users/owner%40example.com/settings'],
    ['plex_token=', 'https://plex.tv/x?plex_token=Sk0123456789abcdefghij'],
    ['authenticity_token=', 'https://plex.tv/x?authenticity_token=Sk0123456789abcdefghij'],
    ['X-Plex-Token[]=', 'https://plex.tv/x?X-Plex-Token[]=Sk0123456789abcdefghij'],
    ['X%2DPlex%2DToken=', 'https://plex.tv/x?X%2DPlex%2DToken=Sk0123456789abcdefghij'],
    [
      'X-Plex-Token%253D',
      'https://plex.tv/x?u=https%3A%2F%2Fh%2Fy%3FX-Plex-Token%253DSk0123456789abcdefghij',
    ],
  ])('masks %s', (_, url) => {
    for (const out of [redactText(url), redactUrl(url)]) {
      expect(holds(out, 'Sk0123456789abcdefghij')).toBe(false)
      expect(holds(out, 'owner@example.com')).toBe(false)
    }
  })

  it('keeps the server mask (20 x) and ordinary parameters as they are', () => {
    const url =
      'https://plex.tv/devices/1?Connection[][uri]=http://192.168.1.20:32400&X-Plex-Token=xxxxxxxxxxxxxxxxxxxx'
    expect(redactUrl(url)).toBe(url)
  })

  it('no secret survives in any position and encoding (property)', () => {
    fc.assert(
      fc.property(secretUrlArb, ({ secret, url }) => {
        expect(holds(redactUrl(url), secret)).toBe(false)
        expect(holds(redactText(`HTTP error requesting GET ${url} (28, Timeout)`), secret)).toBe(
          false,
        )
        expect(redactUrl(redactUrl(url))).toBe(redactUrl(url))
      }),
      { numRuns: 2000 },
    )
  })

  it('none reaches the parse output, the SQLite file or any export', async () => {
    const samples = fc.sample(secretUrlArb, { numRuns: 300, seed: 20_250_804 })
    const dir = await mkdtemp(join(tmpdir(), 'hush-redact-'))
    try {
      const logPath = join(dir, 'Plex Media Server.log')
      const start = Date.UTC(2025, 7, 4, 20, 0, 0)
      const lines = samples.flatMap(({ url }, i) => {
        const id = (0x100 + i).toString(16)
        const answer =
          i % 2 === 0
            ? `[HttpClient/HCl#${id}] HTTP/1.1 (0.1s) 200 response from GET ${url} (reused)`
            : `[HttpClient/HCl#${id}] HTTP error requesting GET ${url} (28, Timeout was reached) (${url})`
        return [
          `${headerAt(start + i * 1000, '0x1')}[HCl#${id}] HTTP requesting GET ${url}`,
          `${headerAt(start + i * 1000 + 5, '0x2')}${answer}`,
        ]
      })
      await writeFile(logPath, `${lines.join('\n')}\n`)

      const parsed: string[] = []
      const found = await parseFiles([logPath], events => {
        parsed.push(...events.map(event => JSON.stringify(event)))
      })
      expect(found.events).toBe(samples.length)

      const stateDir = join(dir, 'state')
      const log = openOutboundLog({ stateDir, privacyLevel: 0 })
      const imported = await log.importFiles([logPath])
      expect(imported.inserted).toBe(samples.length)
      const exports = (['csv', 'json', 'ndjson'] as const).map(
        format => log.exportText(format).content,
      )
      const stored = await Promise.all(
        (await readdir(stateDir))
          .filter(name => name.startsWith('outbound.sqlite'))
          .map(name => readFile(join(stateDir, name), 'latin1')),
      )
      await log.close()

      const outputs = [parsed.join('\n'), ...exports, ...stored]
      for (const { secret } of samples) {
        for (const output of outputs) {
          expect(holds(output, secret)).toBe(false)
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
