import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  CrashReportsPreview,
  MatchingPreview,
  RemoteAccessPreview,
} from '../../common/api/preview-schemas'
import { startTestDemo } from '../../demo/demo-test-helpers'
import type { DemoServer } from '../../demo/start-demo-server'
import { runCli } from '../run-cli'
import { createMemoryIo } from '../testing/memory-io'

describe('hush preview', () => {
  let demo: DemoServer
  let dataDir: string
  let stateDir: string
  let cleanup: () => Promise<void>
  const connection = () => ['--server', demo.url, '--token', demo.token, '--state-dir', stateDir]

  beforeAll(async () => {
    ;({ demo, dataDir, cleanup } = await startTestDemo())
    stateDir = await mkdtemp(join(tmpdir(), 'hush-state-'))
  })
  afterAll(async () => {
    await cleanup()
    await rm(stateDir, { recursive: true, force: true })
  })

  it('matching --json lists every item of a movie library with its file path and hints', async () => {
    const io = createMemoryIo()
    expect(await runCli(['preview', 'matching', '--json', ...connection()], io)).toBe(0)
    const preview = JSON.parse(io.out()) as MatchingPreview
    const movies = preview.libraries.find(l => l.type === 'movie' && l.contactsInternet)
    expect(movies?.items.length).toBe(movies?.itemCount)
    expect(movies?.items.every(item => item.filePath && item.hints.title === item.title)).toBe(true)
  })

  it('remote-access --json reports remote access, relay and the mapping in plain words', async () => {
    const io = createMemoryIo()
    expect(
      await runCli(
        ['preview', 'remote-access', '--json', '--account-url', demo.url, ...connection()],
        io,
      ),
    ).toBe(0)
    const preview = JSON.parse(io.out()) as RemoteAccessPreview
    expect(['on', 'off']).toContain(preview.remoteAccess)
    expect(preview.relayEnabled).toBe(true)
    expect(preview.mappingSummary).not.toBe('')
    expect(io.out()).not.toContain(demo.token)
  })

  it('account --json reads the opt-outs, and says why when plex.tv cannot be reached', async () => {
    const io = createMemoryIo()
    expect(
      await runCli(
        ['preview', 'account', '--json', '--account-url', demo.url, ...connection()],
        io,
      ),
    ).toBe(0)
    expect(JSON.parse(io.out())).toMatchObject({ reachable: true })
    demo.faults.plexTvDown(true)
    try {
      const down = createMemoryIo()
      expect(
        await runCli(['preview', 'account', '--account-url', demo.url, ...connection()], down),
      ).toBe(0)
      expect(down.out()).toContain('cannot be checked')
    } finally {
      demo.faults.plexTvDown(false)
    }
  })

  it('matching names an unknown library as a one-line failure', async () => {
    const io = createMemoryIo()
    expect(await runCli(['preview', 'matching', '--library', '999', ...connection()], io)).toBe(1)
    expect(io.errText().trim().split('\n')).toHaveLength(1)
  })

  it('crash-reports lists the dumps with sizes, and --delete removes them and nothing else', async () => {
    const folder = join(dataDir, 'Crash Reports', demo.version, 'PLEX MEDIA SERVER')
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, 'a1b2c3d4-0000-1111-2222-333344445555.dmp'), Buffer.alloc(4096))
    await writeFile(join(dataDir, 'Crash Reports', 'keep-me.txt'), 'x')
    const before = await readdir(dataDir)

    const list = createMemoryIo()
    expect(
      await runCli(
        ['preview', 'crash-reports', '--json', '--data-dir', dataDir, ...connection()],
        list,
      ),
    ).toBe(0)
    const preview = JSON.parse(list.out()) as CrashReportsPreview
    const ours = preview.dumps.find(dump =>
      dump.path.endsWith('a1b2c3d4-0000-1111-2222-333344445555.dmp'),
    )
    expect(ours).toMatchObject({ sizeBytes: 4096, status: 'pending', version: demo.version })

    const refused = createMemoryIo({ answers: ['no'] })
    expect(
      await runCli(
        ['preview', 'crash-reports', '--delete', '--data-dir', dataDir, ...connection()],
        refused,
      ),
    ).toBe(1)
    expect(await readdir(folder)).toContain('a1b2c3d4-0000-1111-2222-333344445555.dmp')

    const confirmed = createMemoryIo({ answers: ['yes'] })
    expect(
      await runCli(
        ['preview', 'crash-reports', '--delete', '--data-dir', dataDir, ...connection()],
        confirmed,
      ),
    ).toBe(0)
    expect(await readdir(folder)).not.toContain('a1b2c3d4-0000-1111-2222-333344445555.dmp')
    expect(await readdir(join(dataDir, 'Crash Reports'))).toContain('keep-me.txt')
    expect(await readdir(dataDir)).toEqual(before)
  })
})
