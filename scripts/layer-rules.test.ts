import { ESLint } from 'eslint'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Lints a snippet as if it were the given (existing) file, and returns the restricted-import hits. */
async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  // typescript-eslint builds its programs once from disk when it detects CI ("single run"), which
  // would lint the file on disk instead of this snippet: keep it in its per-file mode here.
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: {
      languageOptions: { parserOptions: { disallowAutomaticSingleRunInference: true } },
    },
  })
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` })
  return (result?.messages ?? [])
    .filter(message => message.ruleId === 'no-restricted-imports')
    .map(message => message.message)
}

// The layer table of docs/architecture.md §2, enforced by eslint.config.js: a wrong import fails `npm test`.
describe('layer rules', () => {
  it('forbids electron in the core', async () => {
    const hits = await restrictedImports(
      'electron/node/state/state-dir.ts',
      "import { app } from 'electron'\nexport const a = app\n",
    )
    expect(hits.join('\n')).toContain('electron/node is the core')
  })

  it('forbids Node built-ins and other layers in common', async () => {
    const hits = await restrictedImports(
      'electron/common/util/result.ts',
      "import { readFileSync } from 'node:fs'\nimport { resolveStateDir } from '../../node/state/state-dir'\nexport const b = [readFileSync, resolveStateDir]\n",
    )
    expect(hits.length).toBeGreaterThanOrEqual(2)
  })

  it('forbids electron in the command line', async () => {
    const hits = await restrictedImports(
      'electron/cli/command.ts',
      "import { app } from 'electron'\nexport const c = app\n",
    )
    expect(hits.join('\n')).toContain('run without Electron')
  })

  it('accepts the imports each layer may make', async () => {
    const hits = await restrictedImports(
      'electron/node/state/state-dir.ts',
      "import { join } from 'node:path'\nimport { ok } from '../../common/util/result'\nexport const d = [join, ok]\n",
    )
    expect(hits).toEqual([])
  })
})
