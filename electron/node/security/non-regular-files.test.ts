import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readChunks } from '../outbound/parse/read-chunks'
import { findLocalServer } from '../server/discovery/find-local-server'
import { buildCliBundle } from '../watch/testing/build-cli-bundle'
import { runHush } from './testing/run-hush'

// SECURITY.md: "A FIFO, device or socket is never opened as a file, and files read whole are
// size-capped."
let bundle: { path: string; remove: () => Promise<void> }
let dir: string
const logLine =
  'Aug 04, 2025 20:03:26.576 [0x16cde3000] DEBUG - [HCl#31] HTTP requesting GET https://plex.tv/api/v2/user?X-Plex-Token=xxxxxxxxxxxxxxxxxxxx\n'

beforeAll(async () => {
  bundle = await buildCliBundle()
  dir = await mkdtemp(join(tmpdir(), 'hush-fifo-'))
}, 60_000)

afterAll(async () => {
  await bundle.remove()
  await rm(dir, { recursive: true, force: true })
})

async function dataDirWith(name: string, make: (path: string) => Promise<void>): Promise<string> {
  const dataDir = await mkdtemp(join(dir, 'data-'))
  await mkdir(join(dataDir, 'Logs'))
  await make(join(dataDir, name))
  return dataDir
}

const fifo = (path: string) => {
  execFileSync('mkfifo', [path])
  return Promise.resolve()
}

describe('a FIFO where Hush expects a file', () => {
  it('named Preferences.xml: discover ends at once with one clear line', async () => {
    const dataDir = await dataDirWith('Preferences.xml', fifo)
    const run = await runHush(bundle.path, ['discover', '--data-dir', dataDir], { withinMs: 8000 })
    expect(run.hung).toBe(false)
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      `hush: ${join(dataDir, 'Preferences.xml')} is a FIFO (named pipe), not a regular file: Hush reads only regular files\n`,
    )
  }, 20_000)

  it('named like the server log in a Logs folder: import skips it and reads the rest', async () => {
    const dataDir = await dataDirWith(join('Logs', 'Plex Media Server.log'), fifo)
    await writeFile(join(dataDir, 'Logs', 'Plex Media Server.1.log'), logLine)
    const state = await mkdtemp(join(dir, 'state-'))
    const logs = join(dataDir, 'Logs')
    const run = await runHush(
      bundle.path,
      ['log', 'import', logs, '--state-dir', state, '--json'],
      {
        withinMs: 8000,
      },
    )
    expect(run.hung).toBe(false)
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ files: 1, inserted: 1 })
  }, 20_000)

  it('named on the command line: import refuses it in one line', async () => {
    const dataDir = await dataDirWith(join('Logs', 'Plex Media Server.log'), fifo)
    const path = join(dataDir, 'Logs', 'Plex Media Server.log')
    const state = await mkdtemp(join(dir, 'state-'))
    const run = await runHush(bundle.path, ['log', 'import', path, '--state-dir', state], {
      withinMs: 8000,
    })
    expect(run.hung).toBe(false)
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      `hush: cannot read ${path}: it is a FIFO (named pipe), not a regular file\n`,
    )
  }, 20_000)

  it('is refused by the log reader before it blocks', async () => {
    const dataDir = await dataDirWith(join('Logs', 'Plex Media Server.log'), fifo)
    const path = join(dataDir, 'Logs', 'Plex Media Server.log')
    await expect(
      readChunks({ path }, () => undefined),
    ).rejects.toThrow(/is a FIFO \(named pipe\), not a regular file/)
  })
})

describe('a Preferences.xml far larger than any real one', () => {
  it('300 MB: discover ends with a clear error, not a crash', async () => {
    const dataDir = await dataDirWith('Preferences.xml', async path => {
      // A well-formed file of 300 MB: one <Preferences> element with millions of attributes.
      const handle = await open(path, 'w')
      await handle.write('<?xml version="1.0" encoding="utf-8"?>\n<Preferences ')
      const attributes = Buffer.from(
        Array.from({ length: 4096 }, (_, i) => `A${i}="${'v'.repeat(48)}" `).join(''),
      )
      let written = 0
      for (let block = 0; written < 300 * 1024 * 1024; block++) {
        const text = attributes.toString().replace(/A(\d+)=/g, (_, n: string) => `A${block}_${n}=`)
        written += (await handle.write(text)).bytesWritten
      }
      await handle.write('/>\n')
      await handle.close()
    })
    const run = await runHush(bundle.path, ['discover', '--data-dir', dataDir], {
      withinMs: 60_000,
    })
    expect(run.hung).toBe(false)
    expect(run.signal).toBeNull()
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /^hush: \S+Preferences\.xml is 300(\.\d)? MiB, more than the 4 MiB Hush reads of a Preferences\.xml\n$/,
    )
    const found = await findLocalServer({
      dataDir,
      platform: 'linux',
      env: {},
      home: dir,
      runCommand: () => Promise.reject(new Error('not used')),
    })
    expect(found).toMatchObject({ ok: false, error: { kind: 'preferencesMalformed' } })
  }, 120_000)
})
