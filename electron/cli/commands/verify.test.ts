import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { VerifyReport } from '../../common/api/verify-schemas'
import { startTestDemo } from '../../demo/demo-test-helpers'
import type { DemoServer } from '../../demo/start-demo-server'
import { runCli } from '../run-cli'
import { createMemoryIo } from '../testing/memory-io'

const hourMs = 3_600_000

describe('hush verify', () => {
  let demo: DemoServer
  let dataDir: string
  let stateDir: string
  let cleanup: () => Promise<void>
  const options = () => [
    '--server',
    demo.url,
    '--token',
    demo.token,
    '--account-url',
    demo.url,
    '--state-dir',
    stateDir,
    '--data-dir',
    dataDir,
  ]

  async function verify(extra: string[] = []): Promise<VerifyReport> {
    demo.flushLog()
    const io = createMemoryIo()
    expect(await runCli(['verify', '--json', ...extra, ...options()], io)).toBe(0)
    return JSON.parse(io.out()) as VerifyReport
  }
  const matching = (report: VerifyReport) =>
    report.results.find(result => result.switchId === 'metadata-matching')

  beforeAll(async () => {
    ;({ demo, dataDir, cleanup } = await startTestDemo({ backfillHours: 3 }))
    stateDir = await mkdtemp(join(tmpdir(), 'hush-state-'))
    const io = createMemoryIo()
    expect(await runCli(['set', 'metadata-matching', 'off', ...options()], io)).toBe(0)
  })
  afterAll(async () => {
    await cleanup()
    await rm(stateDir, { recursive: true, force: true })
  })

  it('has no evidence yet right after the switch-off, and says the server logged the change', async () => {
    expect(matching(await verify())).toMatchObject({
      verdict: 'no-evidence',
      reason: 'too-short',
      offBasis: 'server-log',
      leaks: [],
    })
  })

  it('says verified after a simulated hour of traffic, with the last lookup before it', async () => {
    demo.faults.advance(hourMs + 30 * 60_000)
    const report = await verify()
    const result = matching(report)
    // The demo's clock ran ahead by the simulated time: measured, shown, and used for every comparison.
    expect(report.clock.offsetMs).toBeGreaterThan(hourMs)
    expect(report.server.machineIdentifier).toBe(demo.machineIdentifier)
    expect(report.log.zoneKnown).toBe(true)
    expect(result?.verdict).toBe('verified')
    expect(result?.offSince).not.toBeNull()
    expect(result?.lastBefore?.host).toBe('metadata.provider.plex.tv')
    expect(result?.countBefore).toBeGreaterThan(0)
    expect(result?.leaks).toEqual([])
  })

  it('says leaking, and lists the lookups, when the server keeps sending', async () => {
    demo.faults.leak('matching')
    demo.faults.advance(hourMs)
    const result = matching(await verify())
    expect(result?.verdict).toBe('leaking')
    expect(result?.leakCount).toBeGreaterThan(0)
    const hosts = new Set(result?.leaks.map(event => event.host))
    expect(
      [...hosts].every(host => ['metadata.provider.plex.tv', 'meta.plex.tv'].includes(host)),
    ).toBe(true)
  })

  it('writes a report whose SHA-256 matches its content', async () => {
    const path = join(stateDir, 'report.md')
    const report = (await verify(['--report', path])) as VerifyReport & {
      report: { sha256: string }
    }
    const text = await readFile(path, 'utf8')
    const [body] = text.split('\nSHA-256 of the report above: ')
    expect(
      createHash('sha256')
        .update(body ?? '')
        .digest('hex'),
    ).toBe(report.report.sha256)
    expect(text).toContain(report.report.sha256)
    expect(text).not.toContain(demo.token)
  })
})
