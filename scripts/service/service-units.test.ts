import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, isAbsolute, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli/run-cli'
import { startCommand } from '../package/child-process'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const hushBin = join(root, 'bin', 'hush.mjs')
const work = mkdtempSync(join(tmpdir(), 'hush-service-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** The command line of the systemd unit: its ExecStart, split into words. */
function systemdCommand(): string[] {
  const unit = readFileSync(join(root, 'deploy', 'systemd', 'hush-watch.service'), 'utf8')
  const line = /^ExecStart=(.+)$/m.exec(unit)?.[1] ?? ''
  return line.trim().split(/\s+/)
}

/** The command line of the launchd agent: its ProgramArguments. */
function launchdCommand(): string[] {
  const plist = readFileSync(join(root, 'deploy', 'launchd', 'app.hush.watch.plist'), 'utf8')
  const array = /<key>ProgramArguments<\/key>\s*<array>([\s\S]*?)<\/array>/.exec(plist)?.[1] ?? ''
  return [...array.matchAll(/<string>([^<]*)<\/string>/g)].map(match => match[1] ?? '')
}

/** Runs the CLI in-process with `--help` appended: 0 only if every option parses strictly. */
async function accepted(args: readonly string[]): Promise<{ code: number; errors: string }> {
  let errors = ''
  const code = await runCli([...args, '--help'], {
    stdout: () => undefined,
    stderr: text => (errors += text),
    readLine: () => Promise.resolve(null),
    env: {},
    signal: new AbortController().signal,
  })
  return { code, errors }
}

describe.each([
  ['the systemd unit', systemdCommand],
  ['the launchd agent', launchdCommand],
])('%s for `hush watch`', (_name, command) => {
  it('starts the installed `hush` by its absolute path', () => {
    const [program] = command()
    expect(isAbsolute(program ?? '')).toBe(true)
    expect(basename(program ?? '')).toBe('hush')
  })

  it('runs `hush watch` with options the command accepts', async () => {
    const [, ...args] = command()
    expect(args[0]).toBe('watch')
    expect(await accepted(args)).toEqual({ code: 0, errors: '' })
    // The check itself refuses what `hush watch` does not know.
    expect((await accepted([...args, '--every', '5'])).code).toBe(2)
  })

  it('watches a server with exactly those arguments until it is stopped', async () => {
    const [, ...args] = command()
    const demo = startCommand(
      process.execPath,
      [
        hushBin,
        'demo',
        '--port',
        '0',
        '--data-dir',
        join(work, `demo-${_name.replaceAll(' ', '-')}`),
      ],
      { cwd: work, env: process.env },
    )
    try {
      const [, url = '', token = ''] = await demo.waitFor(
        /URL:\s+(http:\/\/127\.0\.0\.1:\d+)\s+Token:\s+(\S+)/,
      )
      const watch = startCommand(process.execPath, [hushBin, ...args], {
        cwd: work,
        // As the unit sets it: the state folder from the environment; the server given here
        // because the demo is not where a real server's data folder would be.
        env: {
          ...process.env,
          HUSH_STATE_DIR: join(work, `state-${_name.replaceAll(' ', '-')}`),
          HUSH_SERVER: url,
          HUSH_TOKEN: token,
        },
      })
      await watch.waitFor(/Watching .+ every 60s/)
      await watch.stop()
      expect(watch.child.signalCode ?? watch.child.exitCode).not.toBe(2)
    } finally {
      await demo.stop()
    }
  })
})

describe('the systemd unit', () => {
  it('keeps Hush’s state in its own folder and the server’s folder read-only', () => {
    const unit = readFileSync(join(root, 'deploy', 'systemd', 'hush-watch.service'), 'utf8')
    expect(unit).toMatch(/^StateDirectory=hush$/m)
    expect(unit).toMatch(/^Environment=HUSH_STATE_DIR=\/var\/lib\/hush$/m)
    expect(unit).toMatch(/^ReadOnlyPaths=\/var\/lib\/plexmediaserver$/m)
    expect(unit).toMatch(/^WantedBy=multi-user\.target$/m)
  })
})
