import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { commandChunk } from './testing/built-chunks'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))
const bin = `${root}bin/hush.mjs`

describe('the hush executable', () => {
  beforeAll(async () => {
    // `npm test` builds first; a lone `vitest run` of this file builds the CLI bundle itself.
    if (!existsSync(`${root}dist/hush.mjs`)) {
      await run(process.execPath, [`${root}scripts/build.mjs`, '--cli'], { cwd: root })
    }
  })

  it('answers --help from the built bundle', async () => {
    const { stdout } = await run(process.execPath, [bin, '--help'], { cwd: root })
    expect(stdout).toContain('Usage: hush <command>')
  })

  it('says in one line that the installation is incomplete when a command’s chunk is missing', async () => {
    // An installed copy (bin/, dist/, the packages) with the chunk of `log parse` lost.
    const copy = mkdtempSync(join(tmpdir(), 'hush-bin-'))
    try {
      cpSync(`${root}bin`, join(copy, 'bin'), { recursive: true })
      cpSync(`${root}package.json`, join(copy, 'package.json'))
      const dist = join(copy, 'dist')
      cpSync(`${root}dist`, dist, {
        recursive: true,
        filter: source => !source.includes(`${join('dist', 'renderer')}`),
      })
      symlinkSync(`${root}node_modules`, join(copy, 'node_modules'))
      const chunk = commandChunk(dist, 'logParseCommand')
      expect(readdirSync(dist)).toContain(chunk)
      rmSync(join(dist, chunk))
      const failure = await run(
        process.execPath,
        [join(copy, 'bin', 'hush.mjs'), 'log', 'parse', 'x.log'],
        {
          cwd: copy,
        },
      ).catch((error: unknown) => error as { code: number; stderr: string })
      expect(failure).toMatchObject({ code: 1 })
      expect((failure as { stderr: string }).stderr).toBe(
        `hush: part of Hush's installation is missing (${chunk}); install it again: \`npm install\` (in a clone: \`npm run build\`)\n`,
      )
    } finally {
      rmSync(copy, { recursive: true, force: true })
    }
  })

  it('exits 2 with one line on stderr for an unknown command', async () => {
    const failure = await run(process.execPath, [bin, 'no-such-command'], { cwd: root }).catch(
      (error: unknown) => error as { code: number; stderr: string },
    )
    expect(failure).toMatchObject({ code: 2 })
    expect((failure as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1)
  })
})
