import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { installEnv, noElectronLine } from './electron-native'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const electronVersion =
  (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>
    }
  ).devDependencies.electron ?? ''
// Where Electron's binary is already downloaded, `npm start` would really start it.
const electronInstalled = existsSync(join(root, 'node_modules', 'electron', 'path.txt'))
const cache = mkdtempSync(join(tmpdir(), 'hush-electron-cache-'))
afterAll(() => rmSync(cache, { recursive: true, force: true }))

describe('npm start without network', () => {
  it.skipIf(electronInstalled)(
    'says in one line why the desktop app cannot start, and points to hush serve --demo',
    () => {
      // No network: Electron's download goes to a closed local port, from an empty cache; npm ci's
      // ELECTRON_SKIP_BINARY_DOWNLOAD must not stop `npm start` from trying.
      const run = spawnSync(process.execPath, [join(root, 'scripts', 'start-electron.mjs')], {
        cwd: root,
        encoding: 'utf8',
        env: {
          ...process.env,
          ELECTRON_MIRROR: 'http://127.0.0.1:9/',
          electron_config_cache: cache,
          ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
        },
        timeout: 60_000,
      })
      expect(run.status).toBe(1)
      const lines = run.stderr.trim().split('\n')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(
        new RegExp(
          `^hush start: cannot start the desktop app: Electron ${electronVersion.replaceAll('.', '\\.')} could not be downloaded \\(.+\\); .*npx hush serve --demo$`,
        ),
      )
      // It stops before building anything.
      expect(run.stdout).not.toContain('building')
    },
  )
})

describe('the no-Electron line', () => {
  it('names the installer’s reason, not its stack', () => {
    const output = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n'
    expect(noElectronLine('45.5.0', output)).toBe(
      'cannot start the desktop app: Electron 45.5.0 could not be downloaded (TypeError: fetch failed); without network, run the same dashboard in your browser: npx hush serve --demo',
    )
    expect(noElectronLine('45.5.0', '\n')).toContain('(no answer)')
  })

  it('lets Electron’s installer download even where npm ci skipped it', () => {
    expect(installEnv({ PATH: '/usr/bin', ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })).toEqual({
      PATH: '/usr/bin',
    })
  })
})
