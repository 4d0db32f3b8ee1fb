import {
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  utimes,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Plan } from '../common/api/switch-schemas'
import { startDemoServer, type DemoServer } from '../demo/start-demo-server'
import { snapshotTraffic } from '../demo/traffic-snapshot'
import { corpusDir } from '../node/server/testing/corpus-dir'
import { openSwitchStore } from '../node/switches/switch-store'
import { runCli } from './run-cli'
import { createMemoryIo, type MemoryIo } from './testing/memory-io'

/**
 * The golden transcript: every command of the CLI run against one demo server in a scripted
 * order, its exit code, stdout and stderr recorded byte for byte. What depends on the moment or
 * the machine (the demo's port, temporary folders, times near now, how long an import took) is
 * replaced here, in the test, never in the product. `HUSH_UPDATE_GOLDEN=1` rewrites the file.
 */
const goldenPath = join(import.meta.dirname, 'testing', 'cli-golden.txt')

const token = 'golden-demo-token'

let demo: DemoServer
let root: string
let stateDir: string
let dataDir: string
let logsDir: string
const transcript: string[] = []

/** Times within two days of now are the run's own; older ones (the corpus') stay as they are. */
function normalise(text: string): string {
  const near = (value: string) => Math.abs(Date.parse(value) - Date.now()) < 2 * 86_400_000
  const lan = demo.lanUrl()
  // Hosts without a scheme (a notice names them so), not the start of a longer port.
  const host = (url: string) =>
    new RegExp(`${new URL(url).host.replaceAll('.', '\\.')}(?!\\d)`, 'g')
  const addresses = (line: string) =>
    lan === null
      ? line.replaceAll(demo.url, '<server>')
      : line
          .replaceAll(demo.url, '<server>')
          .replaceAll(lan, '<lan>')
          .replace(host(demo.url), '<server-host>')
          .replace(host(lan), '<lan-host>')
  return (
    addresses(text)
      .replaceAll(root, '<tmp>')
      // Markdown reports escape punctuation: a time there reads 2025\-08\-04T20:00:00\.000Z.
      .replace(
        /\d{4}\\?-\d\d\\?-\d\dT\d\d:\d\d:\d\d(?:\\?\.\d+)?(?:Z|\\?[+-]\d\d:\d\d)?/g,
        time => {
          const plain = time.replaceAll('\\', '')
          return near(plain.length <= 23 ? `${plain}Z` : plain) ? '<time>' : time
        },
      )
      .replace(/server − Hush: \\?-?[\d\\.]+ s/g, 'server − Hush: <seconds> s')
      // The witnesses' line gives the time of day of a moment near now ("none since 14:02").
      .replace(/\b(none|\d+) since \d\d:\d\d\b/g, '$1 since <hh:mm>')
      .replace(/\b\d{4}-\d\d-\d\d\b/g, day => (near(`${day}T12:00:00Z`) ? '<day>' : day))
      .replace(/\b(\d{8})-\d{6}-[0-9a-f]{6}\b/g, (id, day: string) =>
        near(`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}T12:00:00Z`) ? '<snapshot>' : id,
      )
      .replace(/\.corrupt-\d+\./g, '.corrupt-<ms>.')
      .replace(/clientID=hush-[0-9a-f-]+&code=[\w-]+/g, 'clientID=<client>&code=<code>')
      // The demo's log holds its port and times: its size varies by a few bytes from run to run.
      .replace(/"bytes": \d+/g, '"bytes": <bytes>')
      .replace(/\([\d.]+ [KMG]?i?B\) pulled/g, '(<size>) pulled')
      .replace(/"seconds": [\d.e-]+/g, '"seconds": <seconds>')
      .replace(/"offsetMs": -?\d+/g, '"offsetMs": <ms>')
      .replace(/(SHA-256 |SHA-256 of the report above: |"sha256": ")[0-9a-f]{64}/g, '$1<sha256>')
  )
}

/** The common options of a connecting command, less those the command line gives itself. */
function connectionArgs(args: readonly string[]): string[] {
  const common: Array<[string, string]> = [
    ['--server', demo.url],
    ['--token', token],
    ['--account-url', demo.url],
    ['--state-dir', stateDir],
  ]
  return common.filter(([name]) => !args.includes(name)).flat()
}

/** Runs one command line and appends it, its exit code and its output to the transcript. */
async function hush(
  args: readonly string[],
  options: {
    connect?: boolean
    answers?: string[]
    otherLoginAccounts?: boolean
    /** Does what the owner does while the command runs (approve a sign-in, press Ctrl-C). */
    meanwhile?: (io: MemoryIo) => Promise<void>
  } = {},
): Promise<{ code: number; out: string; err: string }> {
  const io = createMemoryIo({
    answers: options.answers,
    ...(options.otherLoginAccounts === undefined
      ? {}
      : { otherLoginAccounts: options.otherLoginAccounts }),
  })
  const [code] = await Promise.all([
    runCli([...args, ...(options.connect === false ? [] : connectionArgs(args))], io),
    options.meanwhile?.(io),
  ])
  const shown = args.map(arg => (arg.includes(' ') ? `"${arg}"` : arg)).join(' ')
  transcript.push(
    `$ hush ${normalise(shown)}${options.answers ? `  <<< ${options.answers.join(' | ')}` : ''}`,
    `exit ${code}`,
    '--- stdout',
    normalise(io.out()),
    '--- stderr',
    normalise(io.errText()),
    '',
  )
  return { code, out: io.out(), err: io.errText() }
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'hush-golden-'))
  stateDir = join(root, 'state')
  dataDir = join(root, 'data')
  logsDir = join(root, 'logs')
  // A clock that barely moves: the demo's log stays as it started, whatever the test's pace.
  demo = await startDemoServer({ dataDir, seed: 1, token, speed: 1e-9, backfillHours: 0 })
  await mkdir(logsDir)
  const corpus = join(corpusDir, 'logs')
  await copyFile(
    join(corpus, 'r0cksteady_pms_windows_2026_correlation_grep.log'),
    join(logsDir, 'Plex Media Server.1.log'),
  )
  await writeFile(join(logsDir, 'Plex Media Server.log'), generatedLog())
  await orderCrashDumps(join(dataDir, 'Crash Reports'))
}, 60_000)

/** Gives the demo's crash dumps, written within the same instant, one minute apart in name order. */
async function orderCrashDumps(dir: string): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const dumps = entries
    .filter(entry => entry.isFile())
    .map(entry => join(entry.parentPath, entry.name))
    .sort()
  const now = Date.now()
  for (const [index, path] of dumps.entries()) {
    const time = new Date(now - (dumps.length - index) * 60_000)
    await utimes(path, time, time)
  }
}

/** Forty minutes of the demo's traffic from a fixed start: most categories, tokens to redact. */
function generatedLog(): string {
  const start = Date.UTC(2025, 7, 4, 18)
  const generator = snapshotTraffic({ seed: 5, startTime: start })
  generator.banner(start, '1.42.2.10156-f737b826c')
  return generator
    .advanceTo(start + 40 * 60_000)
    .map(event => `${event.line}\n`)
    .join('')
}

afterAll(async () => {
  await demo?.close()
  await rm(root, { recursive: true, force: true })
})

describe('the CLI, byte for byte', () => {
  it('prints what the golden transcript holds for every command on the demo', async () => {
    await hush(['--version'], { connect: false })
    await hush(['frob'], { connect: false })
    await hush(['status', '--help'], { connect: false })

    await hush(['discover', '--data-dir', dataDir])
    await hush(['discover', '--data-dir', dataDir, '--json'])

    await hush(['status'])
    await hush(['status', '--json'])
    await hush(['plan', 'private'])
    const planned = await hush(['plan', 'lockdown', '--json'])
    await hush(['apply', 'balanced'], { answers: ['n'] })
    await hush(['apply', 'balanced'])
    await hush(['apply', 'balanced'], { answers: ['yes'] })
    await hush(['apply', 'private', '--yes', '--json'])
    await hush(['set', 'relay', 'on'])
    await hush(['set', 'relay', 'on'])
    await hush(['set', 'relay', 'off', '--json'])
    await hush(['set', 'metadata-matching', 'on', '--for', '2h'])
    await hush(['status'])
    await hush(['undo', '--json'])
    await hush(['undo'])
    await hush(['undo', '--force'])
    await hush(['drift'])
    await hush(['drift', '--json'])
    await hush(['overrides'])
    await hush(['overrides', '--format', 'csv'])
    await hush(['overrides', '--json'])

    // Someone else turns the relay back on: drift names it.
    await putPref('RelayEnabled', '1')
    await hush(['drift'])

    // A timed exception whose time is up ends at the next command.
    await hush(['set', 'relay', 'off', '--for', '1s'])
    await new Promise(resolve => setTimeout(resolve, 1200))
    await hush(['status', '--json'])

    // An apply killed half-way: the next command says so, status shows it, undo restores it.
    await leaveInterruptedApply(JSON.parse(planned.out) as Plan)
    await hush(['status'])
    await hush(['undo'])

    // A history file found corrupt is moved aside, and said as a warning.
    await writeFile(join(stateDir, 'switchboard', 'history.json'), '{ not json')
    await hush(['plan', 'balanced'])

    await hush(['preview', 'matching'])
    await hush(['preview', 'matching', '--json', '--library', '1'])
    await hush(['preview', 'matching', '--library', '999'])
    await hush(['preview', 'remote-access'])
    await hush(['preview', 'remote-access', '--json'])
    await hush(['preview', 'crash-reports', '--data-dir', dataDir])
    await hush(['preview', 'crash-reports', '--json', '--data-dir', dataDir])
    await hush(['preview', 'crash-reports', '--delete'])
    await hush(['preview', 'crash-reports', '--delete', '--data-dir', dataDir], { answers: ['no'] })
    await hush(['preview', 'crash-reports', '--delete', '--yes', '--data-dir', dataDir])
    await hush(['preview', 'account'])
    await hush(['preview', 'account', '--json'])

    await hush(['apply', 'lockdown', '--yes'])
    await hush(['verify', '--data-dir', dataDir])
    await hush(['verify', '--json', '--data-dir', dataDir])
    await hush(['verify'])
    await hush(['verify', '--data-dir', dataDir, '--report', join(root, 'report.md')])
    transcript.push('--- report.md', normalise(await readFile(join(root, 'report.md'), 'utf8')))
    await hush(['verify', '--json', '--data-dir', dataDir, '--report', join(root, 'report.html')])
    await hush(['verify', '--unmasked', '--report', join(root, 'unmasked.md')])
    transcript.push('--- unmasked.md', normalise(await readFile(join(root, 'unmasked.md'), 'utf8')))
    await hush(['undo'])

    const store = ['--state-dir', stateDir]
    const corpusLog = join(logsDir, 'Plex Media Server.1.log')
    await hush(['log', 'parse', corpusLog], { connect: false })
    await hush(['log', 'parse', join(root, 'missing.log')], { connect: false })
    await hush(['log', 'parse'], { connect: false })
    await hush(['log', 'import', logsDir, ...store, '--json'], { connect: false })
    await hush(['log', 'import', logsDir, ...store], { connect: false })
    await hush(['log', 'import', join(dataDir, 'Logs'), ...store], { connect: false })
    await hush(['log', 'import', join(root, 'nothing-here'), ...store], { connect: false })
    await hush(['log', 'list', ...store], { connect: false })
    await hush(['log', 'list', ...store, '--json', '--limit', '3'], { connect: false })
    await hush(['log', 'list', ...store, '--limit', '2', '--before', '10'], { connect: false })
    await hush(['log', 'list', ...store, '--category', 'metadata-matching', '--limit', '5'], {
      connect: false,
    })
    await hush(['log', 'list', ...store, '--host', 'plex.tv', '--limit', '5'], { connect: false })
    await hush(
      ['log', 'list', ...store, '--search', 'updater', '--since', '2025-08-04T19:30:00+01:00'],
      { connect: false },
    )
    await hush(['log', 'list', ...store, '--since', 'yesterday'], { connect: false })
    await hush(['log', 'list', ...store, '--category', 'nonsense'], { connect: false })
    await hush(['log', 'list', ...store, '--limit', '0'], { connect: false })
    await hush(['log', 'stats', ...store], { connect: false })
    await hush(['log', 'stats', ...store, '--json'], { connect: false })
    await hush(['log', 'export', ...store, '--format', 'csv'], { connect: false })
    await hush(['log', 'export', ...store, '--format', 'ndjson', '--category', 'usage'], {
      connect: false,
    })
    const exported = join(root, 'export.json')
    await hush(
      ['log', 'export', ...store, '--format', 'json', '--out', exported, '--category', 'account'],
      { connect: false },
    )
    transcript.push('--- export.json', normalise(await readFile(exported, 'utf8')), '')
    await hush(['log', 'export', ...store], { connect: false })

    // A server on another machine: sign in with Plex, pick the server, pull its logs.
    const account = ['--state-dir', stateDir, '--account-url', demo.url]
    const remote = { connect: false }
    await hush(['servers', ...account], remote)
    await hush(['log', 'pull', ...account], remote)
    await hush(['login', ...account], {
      ...remote,
      meanwhile: io => shownLink(io).then(() => io.abort()),
    })
    await hush(['login', ...account], { ...remote, meanwhile: io => shownLink(io).then(approve) })
    await hush(['servers', ...account], remote)
    await hush(['servers', ...account, '--json'], remote)
    await hush(['servers', 'use', 'no-such-server', ...account], remote)
    await hush(['servers', 'use', demo.machineIdentifier, ...account], remote)
    await hush(['log', 'pull', ...account], remote)
    await hush(['log', 'pull', ...account, '--json'], remote)
    // With no server named, the commands act on the picked server and judge by its pulled logs.
    await hush(['verify', '--state-dir', stateDir], remote)
    await hush(['preview', 'crash-reports', '--state-dir', stateDir], remote)
    demo.faults.logsZip('truncated')
    await hush(['log', 'pull', ...account], remote)
    demo.faults.logsZip('zip')
    // Picked at home on its LAN address; away, a pull finds it at its public one and says so.
    await demo.faults.network('home')
    await hush(['servers', 'use', demo.machineIdentifier, ...account], remote)
    await demo.faults.network('away')
    await hush(['log', 'pull', ...account], remote)
    await hush(['status', ...account], remote)
    await hush(['servers', ...account], remote)
    await hush(['logout', '--state-dir', stateDir], remote)
    await hush(['logout', '--state-dir', stateDir], remote)
    await hush(['servers', ...account], remote)

    // Failures: a wrong token, a switch that does not exist, command lines that do not parse.
    await hush(['status', '--token', 'wrong-token'])
    await hush(['status', '--token', 'wrong-token'], { otherLoginAccounts: true })
    await hush(['set', 'no-such-switch', 'off'])
    await hush(['set', 'relay', 'sideways'])
    await hush(['set', 'relay', 'off', '--for', 'ever'])
    await hush(['plan'])
    await hush(['plan', 'everything'])
    await hush(['apply', 'private', '--frob'])
    await hush(['overrides', '--format', 'xml'])
    await hush(['status', '--timeout', 'soon'])
    await hush(['status', '--server', 'ftp://example'])
    await hush(['status', '--account-url', 'not a url'])

    const actual = transcript.join('\n')
    if (process.env.HUSH_UPDATE_GOLDEN === '1') {
      await writeFile(goldenPath, actual)
    }
    const golden = await readFile(goldenPath, 'utf8').catch(() => null)
    expect(golden, `${goldenPath} is missing: run with HUSH_UPDATE_GOLDEN=1`).not.toBeNull()
    expect(actual).toBe(golden)
  }, 240_000)
})

/** Waits until a command printed the sign-in link, and answers it. */
async function shownLink(io: MemoryIo): Promise<string> {
  for (;;) {
    const link = /https?:\/\/\S+\/auth#\S+/.exec(io.out())?.[0]
    if (link !== undefined) {
      return link
    }
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

/** Allows a sign-in on the demo's stand-in for Plex's page, as the owner would in the browser. */
async function approve(link: string): Promise<void> {
  const code = new URLSearchParams(link.slice(link.indexOf('#?') + 2)).get('code') ?? ''
  const response = await fetch(`${demo.url}/auth/approve`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ code }).toString(),
  })
  expect(response.ok).toBe(true)
}

/** Changes one server setting behind Hush's back, as another app would. */
async function putPref(id: string, value: string): Promise<void> {
  const response = await fetch(`${demo.url}/:/prefs?${id}=${value}`, {
    method: 'PUT',
    headers: { 'X-Plex-Token': token },
  })
  expect(response.ok).toBe(true)
}

/** Writes the first two steps of a plan to the server and leaves the journal of a killed apply. */
async function leaveInterruptedApply(plan: Plan): Promise<void> {
  const steps = plan.steps.filter(step => step.target.startsWith('pref:')).slice(0, 3)
  for (const step of steps.slice(0, 2)) {
    const value = typeof step.after === 'boolean' ? (step.after ? '1' : '0') : String(step.after)
    await putPref(step.target.slice('pref:'.length), value)
  }
  await openSwitchStore(stateDir).saveJournal({
    version: 1,
    id: '20250804-200000-abcdef',
    serverId: demo.machineIdentifier,
    command: 'apply lockdown',
    profile: 'lockdown',
    title: 'Apply the lockdown profile',
    kind: 'apply',
    startedAt: '2025-08-04T20:00:00.000Z',
    state: 'in-progress',
    steps: steps.map((step, index) => ({ ...step, status: index < 2 ? 'applied' : 'pending' })),
  })
}
