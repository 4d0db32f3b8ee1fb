import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from './open-store'

// The desktop app passes Electron's own build of better-sqlite3; here the Node build stands in
// for it, and a wrong path must fail loudly instead of falling back to another build.
const moduleDir = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'))
const nodeBuild = join(moduleDir, 'build', 'Release', 'better_sqlite3.node')

describe('openStore with an explicit native binding', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hush-binding-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('loads the module from the given file', () => {
    const db = openStore(join(dir, 'outbound.sqlite'), { nativeBinding: nodeBuild })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
  })

  it('fails when the given file does not exist', () => {
    expect(() =>
      openStore(join(dir, 'other.sqlite'), { nativeBinding: join(dir, 'missing.node') }),
    ).toThrow()
  })
})
