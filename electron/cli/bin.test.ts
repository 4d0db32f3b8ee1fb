import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'

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

  it('exits 2 with one line on stderr for an unknown command', async () => {
    const failure = await run(process.execPath, [bin, 'no-such-command'], { cwd: root }).catch(
      (error: unknown) => error as { code: number; stderr: string },
    )
    expect(failure).toMatchObject({ code: 2 })
    expect((failure as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1)
  })
})
