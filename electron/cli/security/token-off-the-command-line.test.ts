import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestDemo } from '../../demo/demo-test-helpers'
import type { DemoServer } from '../../demo/start-demo-server'
import { runHush } from '../../node/security/testing/run-hush'
import { otherLoginAccounts, otherMacAccounts } from '../../node/state/other-accounts'
import { buildCliBundle } from '../../node/watch/testing/build-cli-bundle'
import { runCli } from '../run-cli'
import { createMemoryIo } from '../testing/memory-io'
import { tokenOptionWarning } from '../token-warning'

// SECURITY.md: "The token need never be on the command line: --token-file and HUSH_TOKEN, and a
// warning when --token is used where other people can log in."
let demo: DemoServer
let cleanup: () => Promise<void>
let dir: string
let bundle: { path: string; remove: () => Promise<void> }

beforeAll(async () => {
  ;({ demo, cleanup } = await startTestDemo())
  dir = await mkdtemp(join(tmpdir(), 'hush-token-'))
  bundle = await buildCliBundle()
}, 60_000)

afterAll(async () => {
  await cleanup()
  await bundle.remove()
  await rm(dir, { recursive: true, force: true })
})

const server = () => ['--server', demo.url, '--account-url', demo.url]
const state = () => ['--state-dir', join(dir, 'state')]

describe('giving the token without putting it on the command line', () => {
  it('reads it from --token-file', async () => {
    const file = join(dir, 'token')
    await writeFile(file, `${demo.token}\n`, { mode: 0o600 })
    const io = createMemoryIo({ otherLoginAccounts: true })
    const code = await runCli(['status', ...server(), '--token-file', file, ...state()], io)
    expect(code).toBe(0)
    expect(io.errText()).toBe('')
    expect(io.out()).not.toContain(demo.token)
  })

  it('reads it from HUSH_TOKEN', async () => {
    const io = createMemoryIo({ otherLoginAccounts: true, env: { HUSH_TOKEN: demo.token } })
    expect(await runCli(['status', ...server(), ...state()], io)).toBe(0)
    expect(io.errText()).toBe('')
  })

  it('says in one line why a token file cannot be used, without its content', async () => {
    const missing = join(dir, 'missing')
    const empty = join(dir, 'empty')
    await writeFile(empty, '\n')
    const fifo = join(dir, 'fifo')
    execFileSync('mkfifo', [fifo])
    for (const [file, reason] of [
      [missing, `cannot use --token-file: ${missing} does not exist`],
      [empty, `the token file ${empty} is empty`],
      [fifo, `cannot use --token-file: ${fifo} is a FIFO (named pipe), not a regular file`],
    ] as const) {
      const io = createMemoryIo()
      expect(await runCli(['status', ...server(), '--token-file', file, ...state()], io)).toBe(1)
      expect(io.errText()).toMatch(new RegExp(`^hush: ${reason.replace(/[()]/g, '\\$&')}`))
      expect(io.errText().trim().split('\n')).toHaveLength(1)
    }
  })

  it('is documented in hush --help and in the help of each command that talks to a server', async () => {
    const help = createMemoryIo()
    await runCli(['--help'], help)
    expect(help.out()).toContain('--token-file PATH')
    expect(help.out()).toContain('HUSH_TOKEN')
    for (const command of [['status'], ['apply'], ['undo'], ['log', 'import'], ['discover']]) {
      const io = createMemoryIo()
      await runCli([...command, '--help'], io)
      const connects = command[0] !== 'log'
      expect(io.out().includes('--token-file PATH')).toBe(connects)
      expect(io.out().includes('HUSH_TOKEN')).toBe(connects)
    }
  })
})

describe('--token on a machine where others can log in', () => {
  it('warns in one line on stderr, never printing the token', async () => {
    const io = createMemoryIo({ otherLoginAccounts: true })
    const code = await runCli(['status', ...server(), '--token', demo.token, ...state()], io)
    expect(code).toBe(0)
    expect(io.errText()).toBe(tokenOptionWarning)
    expect(io.errText() + io.out()).not.toContain(demo.token)
  })

  it('says nothing when the owner is alone on the machine', async () => {
    const io = createMemoryIo({ otherLoginAccounts: false })
    expect(await runCli(['status', ...server(), '--token', demo.token, ...state()], io)).toBe(0)
    expect(io.errText()).toBe('')
  })

  it('the real command line looks at the accounts of this machine', async () => {
    const others = otherLoginAccounts(readFileSync('/etc/passwd', 'utf8'), userInfo().uid)
    const run = await runHush(bundle.path, [
      'status',
      ...server(),
      '--token',
      demo.token,
      ...state(),
    ])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe(others.length > 0 ? tokenOptionWarning : '')
    expect(run.stderr + run.stdout).not.toContain(demo.token)
  })

  it('counts people who can log in, not system accounts or oneself', () => {
    const passwd = [
      'root:x:0:0:root:/root:/bin/bash',
      'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
      'plex:x:998:998::/var/lib/plexmediaserver:/usr/sbin/nologin',
      'owner:x:1000:1000:Owner:/home/owner:/bin/bash',
      'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
    ].join('\n')
    expect(otherLoginAccounts(passwd, 1000)).toEqual([])
    expect(otherLoginAccounts(`${passwd}\nguest:x:1001:1001::/home/guest:/bin/zsh`, 1000)).toEqual([
      'guest',
    ])
    expect(otherLoginAccounts(passwd, 0)).toEqual(['owner'])
    const dscl = '_www 70\ndaemon 1\nnobody -2\nowner 501\nroot 0\nguest 502\n'
    expect(otherMacAccounts(dscl, 501)).toEqual(['guest'])
    expect(otherMacAccounts('owner 501\n', 501)).toEqual([])
  })
})
