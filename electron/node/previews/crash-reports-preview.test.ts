import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, startTestDemo } from '../../demo/demo-test-helpers'
import type { DemoServer } from '../../demo/start-demo-server'
import { createPlexClient } from '../server/plex-client'
import { deleteCrashDumps } from './crash-dumps'
import { buildCrashReportsPreview } from './crash-reports-preview'

const version = '1.41.5.9522-a96edc606'
// A CrashUploader job line in the real 2025 shape (docs/server-reference.md §3.4), dated 1 April 2025.
const uploadLine =
  `Apr 01, 2025 04:00:40.495 [23030455913272] DEBUG - [JobRunner] Job running: /usr/lib/plexmediaserver/CrashUploader ` +
  `"--directory=/config/Library/Application Support/Plex Media Server/Crash Reports/${version}" --version=${version} ` +
  `--platform=Linux --serverUuid=7900a9db7cac7e304ddb66b0482ea8d8d854d604 --userId=NOUSERID ` +
  `--sentryUrl=https://o17675.ingest.sentry.io/api/1233455/ --sentryKey=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx --vendor=Docker`

describe('the crash-reports preview', () => {
  let dataDir: string
  let demo: DemoServer
  let cleanup: () => Promise<void>
  const dumpsDir = () => join(dataDir, 'Crash Reports', version, 'PLEX MEDIA SERVER')

  beforeEach(async () => {
    ;({ demo, cleanup } = await startTestDemo())
    dataDir = await mkdtemp(join(tmpdir(), 'hush-crash-'))
    await mkdir(dumpsDir(), { recursive: true })
    await mkdir(join(dataDir, 'Logs'))
    await writeFile(join(dataDir, 'Logs', 'Plex Media Server.1.log'), `${uploadLine}\n`)
    const before = join(dumpsDir(), '55fa22c2-cf75-aa9d-06f0a74b-4ed5bfab.dmp')
    const after = join(dumpsDir(), '0b1c2d3e-0000-1111-2222-333344445555.dmp')
    await writeFile(before, Buffer.alloc(181_000))
    await writeFile(after, Buffer.alloc(96_000))
    await utimes(before, new Date('2025-03-31T10:00:00Z'), new Date('2025-03-31T10:00:00Z'))
    await utimes(after, new Date('2025-06-01T10:00:00Z'), new Date('2025-06-01T10:00:00Z'))
    await writeFile(join(dataDir, 'Crash Reports', 'notes.txt'), 'not a dump')
  })

  afterEach(async () => {
    await cleanup()
    await rm(dataDir, { recursive: true, force: true })
  })

  const client = () =>
    createPlexClient({ baseUrl: demo.url, token: demo.token, timeoutMs: 5000, headers: {} })

  it('lists every dump with version, size and date, uploaded or pending', async () => {
    const preview = await buildCrashReportsPreview(client(), dataDir)
    expect(preview.ok).toBe(true)
    if (!preview.ok) {
      return
    }
    expect(preview.value.uploadEnabled).toBe(true)
    expect(preview.value.dumps.map(dump => [dump.sizeBytes, dump.status, dump.version])).toEqual([
      [96_000, 'pending', version],
      [181_000, 'uploaded', version],
    ])
    expect(preview.value.contents.join(' ')).toContain('Sentry')
  })

  it('deletes the pending dumps it is given, and nothing else', async () => {
    const preview = await buildCrashReportsPreview(client(), dataDir)
    const pending = preview.ok ? preview.value.dumps.filter(d => d.status === 'pending') : []
    const deleted = await deleteCrashDumps(dataDir, [
      ...pending.map(dump => dump.path),
      join(dataDir, 'Crash Reports', 'notes.txt'),
      join(dataDir, 'Logs', 'Plex Media Server.1.log'),
    ])
    expect(deleted).toEqual({ ok: true, value: pending.map(dump => dump.path) })
    expect(await readdir(dumpsDir())).toEqual(['55fa22c2-cf75-aa9d-06f0a74b-4ed5bfab.dmp'])
    expect(await readdir(join(dataDir, 'Crash Reports'))).toContain('notes.txt')
    expect(await readdir(join(dataDir, 'Logs'))).toContain('Plex Media Server.1.log')
  })

  it('shows every argument an upload sends, the owner’s e-mail (masked) as the user id, as the server’s own job line has it', async () => {
    const preview = await buildCrashReportsPreview(client(), dataDir)
    const args = preview.ok ? preview.value.uploadArguments : []
    const value = (name: string) => args.find(arg => arg.name === name)?.value
    expect(value('--serverUuid')).toBe(demo.machineIdentifier)
    expect(value('--userId')).toBe('o…@example.com')
    expect(args.find(arg => arg.name === '--userId')?.meaning).toBe('accountEmail')
    expect(args.some(arg => arg.name === '--allowRetries')).toBe(false)
    // The demo's own job line, from its record of what it sent.
    const since = demo.now()
    await call(demo, '/:/prefs?CrashUploadRetries=1', { method: 'PUT' })
    demo.faults.advance(5 * 3_600_000)
    const sent = demo.sent().filter(r => r.time >= since && r.flow.startsWith('crash'))
    expect(sent.length).toBeGreaterThan(0)
    const job = (await readFile(join(demo.dataDir, 'Logs', 'Plex Media Server.log'), 'utf8'))
      .split('\n')
      .filter(line => line.includes('CrashUploader "--directory'))
      .at(-1)
    expect(job).toContain('--userId=owner@example.com')
    const after = await buildCrashReportsPreview(client(), dataDir)
    const names = after.ok ? after.value.uploadArguments.map(arg => arg.name) : []
    expect(names).toContain('--allowRetries')
    for (const name of names.filter(
      n => !['--sessionStatus', '--sessionStart', '--sessionDuration'].includes(n),
    )) {
      expect(job, name).toContain(name)
    }
  })

  it('says what it cannot know without the data folder', async () => {
    const preview = await buildCrashReportsPreview(client(), null)
    expect(preview.ok && preview.value.dumps).toEqual([])
    expect(preview.ok && preview.value.unknowns.join(' ')).toContain('data folder')
  })
})
