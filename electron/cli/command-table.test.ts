import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { commandTable } from './command-table'
import { commandChunk, loadedAtStart } from './testing/built-chunks'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))
const dist = join(root, 'dist')

const sizeOf = (files: Set<string>): number =>
  [...files].reduce((sum, file) => sum + readFileSync(join(dist, file)).length, 0)

describe('the command table', () => {
  it('loads, under each name, the command that declares that name', async () => {
    const names = commandTable.map(entry => entry.name)
    expect(new Set(names).size).toBe(names.length)
    for (const entry of commandTable) {
      expect((await entry.load()).name).toBe(entry.name)
    }
  })
})

describe('the built command line', () => {
  beforeAll(async () => {
    // `npm test` builds first; a lone `vitest run` of this file builds the CLI bundle itself.
    if (!existsSync(join(dist, 'hush.mjs'))) {
      await run(process.execPath, [join(root, 'scripts', 'build.mjs'), '--cli'], { cwd: root })
    }
  })

  it('starts by loading a small entry: no command, no database, no schemas', () => {
    const start = loadedAtStart(dist, 'hush.mjs')
    expect(sizeOf(start)).toBeLessThan(100_000)
    for (const file of start) {
      expect(readFileSync(join(dist, file), 'utf8')).not.toMatch(/from "better-sqlite3"|from "zod"/)
    }
  })

  it('parses a log without loading the store or the server code', () => {
    const parse = loadedAtStart(dist, commandChunk(dist, 'logParseCommand'))
    const status = loadedAtStart(dist, commandChunk(dist, 'statusCommand'))
    for (const file of parse) {
      expect(readFileSync(join(dist, file), 'utf8')).not.toContain('from "better-sqlite3"')
    }
    // What `hush status` compiles before it runs (the core) is several times `hush log parse`'s.
    expect(sizeOf(status)).toBeGreaterThan(4 * sizeOf(parse))
  })
})
