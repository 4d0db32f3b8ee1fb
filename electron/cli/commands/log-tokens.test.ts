import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../run-cli'
import { createMemoryIo } from '../testing/memory-io'

// Secrets as a server logs them when `LogTokensForDebug` is on, or as a plug-in writes them.
const secrets = [
  'AbCdEf1234567890aBcD',
  'Zy9xWvUt8s7R6q5P4o3N',
  'claimQw3rTy7uIoP1aSdF',
  'NeStEd5678TokenXyZ12',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvd25lciJ9.c2lnbmF0dXJlLXZhbHVlLWhlcmU',
  'owner@example.com',
  'hunter2-Passw0rd',
  '0123456789abcdef0123456789abcdef',
  'dsnKey0123456789abcd',
]

const t = 'Aug 04, 2025 20:03:26.576'
const log = [
  `${t} [0x16cde3000] DEBUG - [HCl#31] HTTP requesting GET https://plex.tv/api/v2/server/users?auth_token=Zy9xWvUt8s7R6q5P4o3N`,
  `${t} [0x16c037000] DEBUG - [HttpClient/HCl#31] HTTP/1.1 (0.4s) 200 response from GET https://plex.tv/api/v2/server/users?auth_token=Zy9xWvUt8s7R6q5P4o3N (reused)`,
  `${t} [0x16cb27000] DEBUG - [HCl#32] HTTP requesting GET https://plex.tv/media/providers?X-Plex-Token=AbCdEf1234567890aBcD`,
  `${t} [0x16cb27000] DEBUG - HTTP requesting POST https://plex.tv/api/claim/exchange?token=claimQw3rTy7uIoP1aSdF`,
  `${t} [0x16cb27000] DEBUG - HTTP requesting GET http://127.0.0.1:32400/x?url=http%3A%2F%2Fh%2Fy%3FX-Plex-Token%3DNeStEd5678TokenXyZ12`,
  `${t} [0x16cb27000] DEBUG - HTTP requesting GET https://clients.plex.tv/api/v2/auth?jwt=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvd25lciJ9.c2lnbmF0dXJlLXZhbHVlLWhlcmU`,
  `${t} [0x16cb27000] DEBUG - HTTP requesting POST https://plex.tv/api/v2/users/signin?login=owner@example.com&password=hunter2-Passw0rd`,
  `${t} [0x16cb27000] WARN - [HttpClient/HCl#5b] HTTP error requesting GET https://plex.tv/a?X-Plex-Token=AbCdEf1234567890aBcD (6, Couldn't resolve host name) (X-Plex-Token=AbCdEf1234567890aBcD)`,
  `${t} [0x16cb27000] DEBUG - Request: [192.168.1.2:5 (Subnet)] GET / / X-Plex-Token => AbCdEf1234567890aBcD / X-Plex-Version => 1`,
  `${t} [23030455913272] DEBUG - [JobRunner] Job running: /usr/lib/plexmediaserver/CrashUploader --userId=owner@example.com --sentryUrl=https://dsnKey0123456789abcd@o17675.ingest.sentry.io/api/1233455/ --sentryKey=0123456789abcdef0123456789abcdef`,
  '',
].join('\n')

let dir: string
let logPath: string
const outputs: string[] = []

async function hush(...argv: string[]): Promise<string> {
  const io = createMemoryIo()
  const code = await runCli(argv, io)
  expect(code).toBe(0)
  outputs.push(io.out(), io.errText())
  return io.out()
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hush-'))
  logPath = join(dir, 'Plex Media Server.log')
  await writeFile(logPath, log)
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('no token, password or e-mail address survives', () => {
  it('in parse, import, list, stats and every export, nor in the database files', async () => {
    const state = join(dir, 'state')
    const parsed = await hush('log', 'parse', logPath)
    expect(parsed.trim().split('\n')).toHaveLength(8)
    await hush('log', 'import', logPath, '--state-dir', state, '--json')
    await hush('log', 'list', '--state-dir', state, '--json', '--limit', '100')
    await hush('log', 'list', '--state-dir', state)
    await hush('log', 'stats', '--state-dir', state, '--json')
    for (const format of ['csv', 'json', 'ndjson']) {
      await hush('log', 'export', '--format', format, '--state-dir', state)
    }
    const outFile = join(dir, 'export.csv')
    await hush('log', 'export', '--format', 'csv', '--out', outFile, '--state-dir', state)
    outputs.push(readFileSync(outFile, 'utf8'))
    expect(outputs.join('')).toContain('REDACTED')

    const dbFiles = (await readdir(state)).map(name => join(state, name))
    expect(dbFiles.some(f => f.endsWith('outbound.sqlite'))).toBe(true)
    const haystacks = [
      ...outputs,
      ...dbFiles.filter(f => existsSync(f)).map(f => readFileSync(f).toString('latin1')),
    ]
    for (const secret of secrets) {
      for (const text of haystacks) {
        expect(text.includes(secret), `${secret} leaked`).toBe(false)
      }
    }
  })
})
