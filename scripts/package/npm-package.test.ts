import { execFile } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, type TestBrowser } from '../../e2e/support/browser'
import { entryChunks } from '../../electron/cli/testing/built-chunks'
import { startCommand, type RunningCommand } from './child-process'

const run = promisify(execFile)
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string
  version: string
  private?: boolean
  main: string
  bin: Record<string, string>
  dependencies: Record<string, string>
  files: string[]
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

/**
 * `npm pack`, then the tarball installed into an empty folder as an owner would
 * (`npm install <tarball>`: npm installs and builds better-sqlite3 itself), then the installed
 * `hush` run: --help, demo, and `serve --demo` answered in Chromium.
 */
describe('the npm package', () => {
  let work = ''
  let tarball = ''
  let files: string[] = []
  let hush = ''
  const running: RunningCommand[] = []
  let browser: TestBrowser | undefined

  beforeAll(async () => {
    if (!existsSync(join(root, 'dist', 'hush.mjs'))) {
      throw new Error('dist/ is not built: run `npm run build` first')
    }
    work = mkdtempSync(join(tmpdir(), 'hush-package-'))
    // The bundles are already built (npm test builds first); `npm publish` builds them in prepare.
    const { stdout } = await run(
      npm,
      ['pack', '--ignore-scripts', '--json', '--pack-destination', work],
      { cwd: root },
    )
    const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[]
    tarball = join(work, packed?.filename ?? 'missing.tgz')
    files = (packed?.files ?? []).map(file => file.path).sort()
    const app = join(work, 'app')
    mkdirSync(app)
    writeFileSync(join(app, 'package.json'), '{ "private": true }\n')
    await run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], {
      cwd: app,
      maxBuffer: 16 * 1024 * 1024,
    })
    hush = join(app, 'node_modules', '.bin', 'hush')
  }, 900_000)

  afterAll(async () => {
    await browser?.close()
    await Promise.all(running.map(command => command.stop()))
    rmSync(work, { recursive: true, force: true })
  })

  it('can be published, as a package whose `hush` command is its bin', () => {
    expect(packageJson.private).toBeUndefined()
    expect(packageJson.bin).toEqual({ hush: 'bin/hush.mjs' })
    expect(statSync(tarball).size).toBeLessThan(2 * 1024 * 1024)
  })

  it('holds only what runs: the bundles, the dashboard, the service files, README, LICENSE and the notices', () => {
    const allowed = [
      /^package\.json$/,
      /^README\.md$/,
      /^LICENSE$/,
      /^dist\/THIRD-PARTY-NOTICES\.txt$/,
      /^bin\/hush\.mjs$/,
      /^dist\/(hush|outbound-worker|hush-chunk-\w+)\.mjs$/,
      /^dist\/renderer\/(index\.html|assets\/[\w.-]+\.(js|css))$/,
      /^deploy\/(systemd|launchd)\/[\w.-]+$/,
      // npm always packs package.json's `main`: Electron's entry, which `npm start` and the
      // installers need there. It is a bundle, not a source.
      new RegExp(`^${packageJson.main.replaceAll('.', '\\.')}$`),
    ]
    expect(files.filter(file => !allowed.some(pattern => pattern.test(file)))).toEqual([])
    for (const needed of ['bin/hush.mjs', 'dist/hush.mjs', 'dist/outbound-worker.mjs']) {
      expect(files).toContain(needed)
    }
    // Every chunk the entry imports is packed, or the installed `hush` cannot load a command.
    for (const chunk of entryChunks(join(root, 'dist'))) {
      expect(files).toContain(`dist/${chunk}`)
    }
    expect(files).toContain('dist/renderer/index.html')
    expect(files).toContain('dist/THIRD-PARTY-NOTICES.txt')
    expect(files.filter(file => /\.(map|ts|tsx)$|test|screenshots|^electron\//.test(file))).toEqual(
      [],
    )
  })

  it('depends on exactly the packages the command line imports at run time', () => {
    // The command line's entry and the chunks it loads a command from (scripts/build.mjs).
    const bundle = files
      .filter(file => /^dist\/hush[\w-]*\.mjs$/.test(file))
      .map(file => readFileSync(join(root, file), 'utf8'))
      .join('\n')
    const imported = new Set(
      [...bundle.matchAll(/^import\s[^;]*?from\s*"([^".][^"]*)"|\bimport\(\s*"([^".][^"]*)"/gm)]
        .map(match => match[1] ?? match[2] ?? '')
        .filter(name => !name.startsWith('node:'))
        .map(name =>
          name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0],
        ),
    )
    expect(Object.keys(packageJson.dependencies).sort()).toEqual([...imported].sort())
  })

  it('installs a working `hush --help`', async () => {
    const { stdout } = await run(hush, ['--help'])
    expect(stdout).toMatch(/^Usage: hush <command> \[options\]$/m)
  })

  it('runs `hush demo`, with better-sqlite3 built by npm', async () => {
    const demo = startCommand(hush, ['demo', '--port', '0', '--data-dir', join(work, 'demo')], {
      cwd: work,
      env: process.env,
    })
    running.push(demo)
    const [, url] = await demo.waitFor(/URL:\s+(http:\/\/127\.0\.0\.1:\d+)/)
    const identity = await fetch(`${url}/identity`)
    expect(identity.status).toBe(200)
    await demo.stop()
    const binding = join(work, 'app', 'node_modules', 'better-sqlite3', 'build', 'Release')
    expect(existsSync(join(binding, 'better_sqlite3.node'))).toBe(true)
  })

  it('serves the dashboard with `hush serve --demo`, answered in Chromium', async () => {
    const serve = startCommand(
      hush,
      ['serve', '--demo', '--port', '0', '--state-dir', join(work, 'state')],
      { cwd: work, env: process.env },
    )
    running.push(serve)
    const [address] = await serve.waitFor(/http:\/\/127\.0\.0\.1:\d+\/#token=\S+/)
    browser = await launchBrowser()
    const page = await browser.context.newPage()
    await page.goto(address)
    await page.getByRole('navigation', { name: 'Screens' }).waitFor({ timeout: 60_000 })
    await page.getByRole('main').locator('.badge').first().waitFor({ timeout: 60_000 })
    expect(await page.getByRole('main').locator('.badge').count()).toBeGreaterThan(0)
    await serve.stop()
  })
})
