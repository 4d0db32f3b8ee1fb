import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestDemo } from '../../demo/demo-test-helpers'
import { corpusDir } from '../../node/server/testing/corpus-dir'
import {
  closedPortUrl,
  startHttpFixture,
  type HttpFixture,
} from '../../node/server/testing/http-fixture'
import { runCli } from '../run-cli'
import { createMemoryIo } from '../testing/memory-io'

const token = 'fixture-token-9f8e7d'
const identity =
  '<MediaContainer size="0" claimed="1" machineIdentifier="8977a39088f381a6df1db65db80f6c84fab496af" version="1.41.5.9522-a96edc606"></MediaContainer>'

/** A minimal PMS: /identity without a token, / with the right token, 401 otherwise. */
function fakePms(request: IncomingMessage, response: ServerResponse) {
  if (request.url === '/identity') {
    response.end(identity)
  } else if (request.headers['x-plex-token'] !== token) {
    response.statusCode = 401
    response.end(
      '<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>',
    )
  } else {
    response.end(
      '<MediaContainer friendlyName="Attic" platform="Linux" version="1.41.5.9522-a96edc606"/>',
    )
  }
}

let temp = ''
let fixture: HttpFixture | undefined
beforeEach(async () => {
  temp = await mkdtemp(join(tmpdir(), 'hush-'))
})
afterEach(async () => {
  await fixture?.close()
  fixture = undefined
  await rm(temp, { recursive: true, force: true })
})

async function hush(args: string[]) {
  const io = createMemoryIo()
  const code = await runCli([...args, '--state-dir', join(temp, 'state')], io)
  return { code, out: io.out(), err: io.errText() }
}

function expectOneLineFailure(result: { code: number; out: string; err: string }, pattern: RegExp) {
  expect(result.code).toBe(1)
  expect(result.out).toBe('')
  expect(result.err.trimEnd().split('\n')).toHaveLength(1)
  expect(result.err).toMatch(pattern)
  expect(result.err).not.toContain(token)
}

describe('hush discover', () => {
  it('reports the data folder, the machine identifier and that a token was found, never the token', async () => {
    const dataDir = join(temp, 'pms')
    await mkdir(dataDir)
    await copyFile(
      join(corpusDir, 'prefs/daneroo_pms1.28.2_Preferences.xml'),
      join(dataDir, 'Preferences.xml'),
    )
    fixture = await startHttpFixture(fakePms)
    const result = await hush([
      'discover',
      '--data-dir',
      dataDir,
      '--json',
      '--server',
      fixture.url,
      '--token',
      token,
    ])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.out) as Record<string, unknown>
    expect(report).toMatchObject({
      dataDir,
      preferencesFile: join(dataDir, 'Preferences.xml'),
      machineIdentifier: '8977a39088f381a6df1db65db80f6c84fab496af',
      tokenFound: true,
      reachable: true,
      friendlyName: 'Attic',
      version: '1.41.5.9522-a96edc606',
      problem: null,
    })
    expect(result.out).not.toContain('REDACTED')
    expect(result.out).not.toContain(token)
  })

  it('still reports a data folder whose server does not answer, saying why', async () => {
    await copyFile(
      join(corpusDir, 'prefs/startscript_pms1.1.4_Preferences.xml'),
      join(temp, 'Preferences.xml'),
    )
    const io = createMemoryIo({ env: { HUSH_SERVER: undefined } })
    const code = await runCli(
      ['discover', '--data-dir', temp, '--state-dir', join(temp, 'state'), '--timeout', '2000'],
      io,
    )
    // 127.0.0.1:32400 is not a server here; the report says so and still shows the folder.
    expect(code).toBe(0)
    expect(io.out()).toContain(`Data folder  ${temp}`)
    expect(io.out()).toMatch(/Token\s+not found/)
  })

  it('fails in one line for a closed port', async () => {
    expectOneLineFailure(
      await hush(['discover', '--server', await closedPortUrl(), '--token', token]),
      /connection refused/,
    )
  })

  it('fails in one line for a wrong token', async () => {
    fixture = await startHttpFixture(fakePms)
    expectOneLineFailure(
      await hush(['discover', '--server', fixture.url, '--token', 'wrong']),
      /refused the token \(401\)/,
    )
  })

  it('fails in one line for an HTTP server that is not Plex', async () => {
    fixture = await startHttpFixture((_request, response) =>
      response.end('<html><body>router admin</body></html>'),
    )
    expectOneLineFailure(
      await hush(['discover', '--server', fixture.url, '--token', token]),
      /not a Plex Media Server/,
    )
  })

  it('fails in one line for a server that hangs', async () => {
    fixture = await startHttpFixture(() => undefined)
    expectOneLineFailure(
      await hush(['discover', '--server', fixture.url, '--token', token, '--timeout', '300']),
      /no answer within 300 ms/,
    )
  })

  it('fails in one line for a malformed Preferences.xml', async () => {
    await writeFile(join(temp, 'Preferences.xml'), `<Preferences PlexOnlineToken="${token}"`)
    expectOneLineFailure(
      await hush(['discover', '--data-dir', temp]),
      /Preferences\.xml is malformed/,
    )
  })

  it('reads the token and machine identifier of a demo server from its data folder, never printing the token', async () => {
    const started = await startTestDemo({ dataDir: join(temp, 'demo') })
    try {
      const withServer = await hush([
        'discover',
        '--data-dir',
        started.dataDir,
        '--server',
        started.demo.url,
        '--json',
      ])
      expect(withServer.code).toBe(0)
      expect(JSON.parse(withServer.out)).toMatchObject({
        machineIdentifier: started.demo.machineIdentifier,
        tokenFound: true,
        reachable: true,
        version: started.demo.version,
      })
      expect(withServer.out).not.toContain(started.demo.token)
      const offline = await hush([
        'discover',
        '--data-dir',
        started.dataDir,
        '--json',
        '--timeout',
        '2000',
      ])
      expect(offline.code).toBe(0)
      expect(JSON.parse(offline.out)).toMatchObject({ tokenFound: true, dataDir: started.dataDir })
      expect(offline.out).not.toContain(started.demo.token)
    } finally {
      await started.demo.close()
    }
  })
})
