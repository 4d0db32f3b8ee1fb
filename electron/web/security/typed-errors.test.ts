import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { PrivacyBridge } from '../../common/api/contract'
import { createMemoryIo } from '../../cli/testing/memory-io'
import { runCli } from '../../cli/run-cli'
import { startTestDemo } from '../../demo/demo-test-helpers'
import { startTestCore, type TestCore } from '../../node/service/testing/test-core'
import { serveHttp, type HttpBridgeServer } from '../serve-http'
import { connectNodeHttpBridge } from '../testing/node-http-bridge'
import { runHush } from '../../node/security/testing/run-hush'
import { buildCliBundle } from '../../node/watch/testing/build-cli-bundle'

// SECURITY.md: "A bad input or a vanished file is a typed one-line error, never an internal error,
// and an error never echoes a token."
let core: TestCore | undefined
let server: HttpBridgeServer | undefined
let bridge: (PrivacyBridge & { close(): void }) | undefined

afterEach(async () => {
  bridge?.close()
  await server?.close()
  await core?.close()
  core = undefined
  server = undefined
  bridge = undefined
})

/** The real core behind web mode's HTTP bridge, signed in like a browser. */
async function webMode(): Promise<PrivacyBridge> {
  core = await startTestCore()
  server = await serveHttp({ api: core.core.api, events: core.core.events, eventNames: [] })
  bridge = await connectNodeHttpBridge(server.openUrl)
  return bridge
}

const oneLine = (message: string) => expect(message).not.toMatch(/\n|internal error/)

describe('typed one-line errors, over the HTTP bridge', () => {
  it('log.page, log.count and log.export with a bad `since` or `until` name the field', async () => {
    const web = await webMode()
    const expected =
      'invalid input for log.page: since takes an ISO 8601 date or time, such as 2025-08-04 or 2025-08-04T20:03Z'
    await expect(web.call('log.page', { since: 'yesterday' })).rejects.toThrow(expected)
    await expect(web.call('log.count', { until: '2025-13-45' })).rejects.toThrow(
      /^invalid input for log\.count: until takes an ISO 8601 date or time/,
    )
    await expect(
      web.call('log.export', { format: 'csv', filter: { since: 'last week' } }),
    ).rejects.toThrow(/^invalid input for log\.export: filter\.since takes an ISO 8601/)
    const fine = await web.call('log.page', { since: '2025-08-04', until: '2025-08-05T10:00Z' })
    expect(fine.events).toEqual([])
  })

  it('deleting a crash dump that is already gone reports it gone, not an internal error', async () => {
    const web = await webMode()
    expect((await web.call('server.connectDemo', {})).ok).toBe(true)
    const preview = await web.call('preview.crashReports', {})
    const dumps = preview.ok ? preview.value.dumps.filter(dump => dump.status === 'pending') : []
    expect(dumps.length).toBeGreaterThan(0)
    const paths = dumps.map(dump => dump.path)
    expect(await web.call('preview.deleteCrashDumps', { paths })).toEqual({
      ok: true,
      value: { deleted: paths },
    })
    // The same click again (a second window, a double click): the files are gone already.
    expect(await web.call('preview.deleteCrashDumps', { paths })).toEqual({
      ok: true,
      value: { deleted: paths },
    })
  })

  it('a token pasted into the server address is refused without being echoed', async () => {
    const web = await webMode()
    const { demo, cleanup } = await startTestDemo()
    try {
      for (const url of [
        `${demo.url}/${demo.token}`,
        `${demo.url}/?X-Plex-Token=${demo.token}`,
        `http://owner:${demo.token}@127.0.0.1:${new URL(demo.url).port}`,
      ]) {
        const result = await web.call('server.connect', { url, token: demo.token })
        expect(result).toMatchObject({ ok: false, error: { kind: 'invalidInput' } })
        const message = result.ok ? '' : result.error.message
        expect(message).not.toContain(demo.token)
        oneLine(message)
      }
    } finally {
      await cleanup()
    }
  })
})

describe('typed one-line errors, on the command line', () => {
  it('a token in the --server path is never echoed', async () => {
    const { demo, cleanup } = await startTestDemo()
    try {
      const io = createMemoryIo()
      const code = await runCli(
        [
          'status',
          ...['--server', `${demo.url}/${demo.token}/`, '--token', 'wrong-token'],
          ...['--state-dir', join(demo.dataDir, 'hush-state')],
        ],
        io,
      )
      expect(code).toBe(1)
      expect(io.errText()).not.toContain(demo.token)
      expect(io.errText()).toMatch(/^hush: the server address takes only a scheme, host and port/)
      expect(io.errText().trim().split('\n')).toHaveLength(1)
    } finally {
      await cleanup()
    }
  })
})

describe('typed one-line errors of the hush process itself', () => {
  let bundle: { path: string; remove: () => Promise<void> }
  let dir: string
  beforeAll(async () => {
    bundle = await buildCliBundle()
    dir = await mkdtemp(join(tmpdir(), 'hush-errors-'))
  }, 60_000)
  afterAll(async () => {
    await bundle.remove()
    await rm(dir, { recursive: true, force: true })
  })

  it('a state folder that is a file', async () => {
    const file = join(dir, 'not-a-folder')
    await writeFile(file, 'x')
    const run = await runHush(bundle.path, ['log', 'stats', '--state-dir', file])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(`hush: cannot mkdir ${file}: a file is in the way (EEXIST)\n`)
  })

  it('a damaged outbound.sqlite', async () => {
    const state = await mkdtemp(join(dir, 'state-'))
    await writeFile(
      join(state, 'outbound.sqlite'),
      'this is not a database, just text\n'.repeat(200),
    )
    const run = await runHush(bundle.path, ['log', 'stats', '--state-dir', state])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      `hush: ${join(state, 'outbound.sqlite')} is not a Hush database or is damaged (SQLITE_NOTADB); move it aside and Hush starts a new one\n`,
    )
  })
})
