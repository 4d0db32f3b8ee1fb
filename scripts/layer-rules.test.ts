import { ESLint } from 'eslint'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))

let eslint: ESLint | undefined

/** Lints a snippet as if it were the given (existing) file, and returns the restricted-import hits. */
async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  // typescript-eslint builds its programs once from disk when it detects CI ("single run"), which
  // would lint the file on disk instead of this snippet: keep it in its per-file mode here.
  eslint ??= new ESLint({
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

describe('the renderer layer rule', () => {
  const file = 'renderer/src/bridge/fake-bridge.ts'

  it('forbids the core, the demo server and the shell, reached through electron/', async () => {
    for (const layer of ['node/state/state-dir', 'demo/start-demo-server', 'main/app-paths']) {
      const hits = await restrictedImports(
        file,
        `import * as other from '../../../electron/${layer}'\nexport const e = other\n`,
      )
      expect(hits.join('\n'), layer).toContain('only through the bridge')
    }
  })

  it('forbids Node built-ins and Electron', async () => {
    const hits = await restrictedImports(
      file,
      "import { readFileSync } from 'node:fs'\nimport { join } from 'path'\nimport { ipcRenderer } from 'electron'\nexport const f = [readFileSync, join, ipcRenderer]\n",
    )
    for (const module of ['node:fs', 'path', 'electron']) {
      expect(
        hits.some(hit => hit.startsWith(`'${module}' import is restricted`)),
        module,
      ).toBe(true)
    }
  })

  it('accepts the contract from common', async () => {
    const hits = await restrictedImports(
      file,
      "import { apiMethodNames } from '../../../electron/common/api/contract'\nexport const g = apiMethodNames\n",
    )
    expect(hits).toEqual([])
  })
})

describe('the demo layer rule', () => {
  it('forbids the demo server in the core, web mode and the command line', async () => {
    const forbidden = [
      ['electron/node/service/server-connections.ts', '../../demo/start-demo-server'],
      ['electron/web/serve-http.ts', '../demo/start-demo-server'],
      ['electron/cli/commands/status.ts', '../../demo/start-demo-server'],
    ]
    for (const [file = '', path = ''] of forbidden) {
      const hits = await restrictedImports(
        file,
        `import { startDemoServer } from '${path}'\nexport const h = startDemoServer\n`,
      )
      expect(hits.join('\n'), file).toMatch(/demo server/)
    }
  })

  it('forbids the demo server in the desktop shell, which loads it from its own bundle', async () => {
    const hits = await restrictedImports(
      'electron/main/desktop-core.ts',
      "import { createDemoStarter } from '../demo/demo-starter'\nexport const i = createDemoStarter\n",
    )
    expect(hits.join('\n')).toContain('nor the demo server, which it loads from its own bundle')
  })

  it('lets the demo command, web mode and tests import it', async () => {
    const allowed = [
      ['electron/cli/commands/demo.ts', '../../demo/start-demo-server'],
      ['electron/web/web-host.ts', '../demo/demo-starter'],
      ['electron/node/service/server-connections.test.ts', '../../demo/demo-test-helpers'],
      ['electron/node/service/testing/test-core.ts', '../../../demo/start-demo-server'],
    ]
    for (const [file = '', path = ''] of allowed) {
      const hits = await restrictedImports(
        file,
        `import * as demo from '${path}'\nexport const j = demo\n`,
      )
      expect(hits, file).toEqual([])
    }
  })

  it('keeps the faces out of the demo server', async () => {
    const hits = await restrictedImports(
      'electron/demo/http-server.ts',
      "import { serveHttp } from '../web/serve-http'\nimport { app } from 'electron'\nexport const k = [serveHttp, app]\n",
    )
    expect(hits.join('\n')).toContain('the demo server stands alone')
    expect(hits).toHaveLength(2)
  })
})

describe("Electron's IPC rules", () => {
  it('forbid ipcMain outside the IPC bridge', async () => {
    const hits = await restrictedImports(
      'electron/main/launch-desktop.ts',
      "import { app, ipcMain } from 'electron'\nexport const l = [app, ipcMain]\n",
    )
    expect(hits.join('\n')).toContain('only electron/main/ipc/serve-ipc.ts touches ipcMain')
    const bridge = await restrictedImports(
      'electron/main/ipc/serve-ipc.ts',
      "import { ipcMain } from 'electron'\nexport const m = ipcMain\n",
    )
    expect(bridge).toEqual([])
  })

  it('forbid contextBridge and ipcRenderer outside the preload, also through a namespace', async () => {
    const hits = await restrictedImports(
      'electron/main/windows/create-main-window.ts',
      "import { contextBridge, ipcRenderer } from 'electron'\nimport * as electron from 'electron'\nexport const n = [contextBridge, ipcRenderer, electron]\n",
    )
    expect(hits.filter(hit => hit.includes('only electron/preload'))).toHaveLength(3)
    const preload = await restrictedImports(
      'electron/preload/index.ts',
      "import { contextBridge, ipcRenderer } from 'electron'\nexport const o = [contextBridge, ipcRenderer]\n",
    )
    expect(preload).toEqual([])
  })
})
