import { execFile } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { jobRunners, readWorkflow, runnerOs, stepsOn, type WorkflowJob } from './workflow-steps'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const workflows = join(root, '.github', 'workflows')
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string
  scripts: Record<string, string>
}
const systems = ['Linux', 'macOS', 'Windows'] as const

/** The shell commands of a job on one system, one string per `run:`. */
function commands(job: WorkflowJob, os: (typeof systems)[number]): string[] {
  return stepsOn(job, os).flatMap(step => (step.run ? [step.run] : []))
}

/** The code blocks under a README heading, up to the next heading of the same or a higher level. */
function readmeBlocks(heading: string): string[] {
  const start = readme.indexOf(`${heading}\n`)
  expect(start, heading).toBeGreaterThanOrEqual(0)
  const level = /^#+/.exec(heading)?.[0] ?? '##'
  const rest = readme.slice(start + heading.length)
  const end = rest.search(new RegExp(`\\n#{1,${level.length}} `))
  const section = end < 0 ? rest : rest.slice(0, end)
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map(match => match[1]?.trim() ?? '')
}

describe('the workflow files', () => {
  it('pass the workflow linter (action-validator)', async () => {
    const files = readdirSync(workflows).filter(name => name.endsWith('.yml'))
    expect(files.sort()).toEqual(['ci.yml', 'desktop-smoke.yml', 'release.yml'])
    const validator = join(root, 'node_modules', '.bin', 'action-validator')
    for (const file of files) {
      await expect(
        promisify(execFile)(validator, [join(workflows, file)]),
        file,
      ).resolves.toMatchObject({ stdout: '' })
    }
  })
})

describe('CI', () => {
  const ci = readWorkflow(join(workflows, 'ci.yml'))

  it('runs the README’s test command on Linux through .ci/run, on every push', () => {
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request']))
    const [job] = Object.values(ci.jobs)
    expect(runnerOs(job?.['runs-on'] ?? '')).toBe('Linux')
    expect(commands(job as WorkflowJob, 'Linux')).toContain('bash .ci/run')
    const script = readFileSync(join(root, '.ci', 'run'), 'utf8')
    expect(readmeBlocks('## Test it')[0]).toBe('npm test')
    expect(script.trim().split('\n').at(-1)).toBe('npm test')
    expect(readme).toContain('.github/workflows/ci.yml')
  })
})

describe('the desktop smoke workflow', () => {
  const smoke = readWorkflow(join(workflows, 'desktop-smoke.yml'))
  const job = Object.values(smoke.jobs)[0] as WorkflowJob
  const packaged = {
    Linux: /\.AppImage/,
    macOS: /Hush\.app\/Contents\/MacOS\/Hush|\$app\/Contents\/MacOS\/Hush/,
    Windows: /win-unpacked\/Hush\.exe/,
  }

  it('runs on Linux, macOS and Windows', () => {
    expect(jobRunners(job).map(runnerOs).sort()).toEqual([...systems].sort())
  })

  it.each(systems)('on %s, runs the smoke mode from the clone and from the package', os => {
    const run = commands(job, os)
    const smokeRuns = run.filter(command => command.includes('--smoke'))
    const fromClone = smokeRuns.filter(command => /npm start -- --smoke/.test(command))
    const fromPackage = smokeRuns.filter(command => packaged[os].test(command))
    expect(fromClone).toHaveLength(1)
    expect(fromPackage).toHaveLength(1)
    // The package is built before it is run, with the project's electron-builder configuration.
    const build = run.findIndex(command =>
      /electron-builder --config electron-builder\.config\.cjs/.test(command),
    )
    expect(build).toBeGreaterThanOrEqual(0)
    expect(build).toBeLessThan(run.indexOf(fromPackage[0] ?? ''))
    for (const command of smokeRuns) {
      expect(command).toMatch(
        /--smoke-out=smoke-(clone|package)\.json --smoke-screenshot=smoke-(clone|package)\.png/,
      )
      if (os === 'Linux') {
        expect(command.split('\n').find(line => line.includes('--smoke'))).toMatch(/^xvfb-run /)
      }
    }
  })

  it('keeps the JSON lines and the screenshots as artefacts, even when a run fails', () => {
    const upload = job.steps.find(step => step.uses?.startsWith('actions/upload-artifact@'))
    expect(upload?.if).toBe('always()')
    expect(String(upload?.with?.path)).toContain('smoke-*.json')
    expect(String(upload?.with?.path)).toContain('smoke-*.png')
  })

  it('is the run the README describes, with the same command', () => {
    expect(readme).toContain('.github/workflows/desktop-smoke.yml')
    expect(readme).toContain('`npm start -- --smoke`')
    expect(readme).toContain('Actions tab')
  })
})

describe('the release workflow', () => {
  const release = readWorkflow(join(workflows, 'release.yml'))

  it('starts on a version tag', () => {
    expect(release.on).toMatchObject({ push: { tags: ['v*'] } })
  })

  it('builds the installers with `npm run dist` on Linux, macOS and Windows', () => {
    const installers = release.jobs.installers as WorkflowJob
    expect(jobRunners(installers).map(runnerOs).sort()).toEqual([...systems].sort())
    for (const os of systems) {
      expect(commands(installers, os)).toContain('npm run dist')
    }
    expect(packageJson.scripts.dist).toContain(
      'electron-builder --config electron-builder.config.cjs',
    )
    expect(readme).toContain('`npm run dist`')
    const files = (installers.strategy?.matrix?.include ?? []).map(entry => entry.files).join(' ')
    for (const kind of ['.AppImage', '.deb', '.dmg', '.exe']) {
      expect(files).toContain(kind)
    }
  })

  it('builds and pushes the container image from the Dockerfile', () => {
    const container = release.jobs.container as WorkflowJob
    const build = container.steps.find(step => step.uses?.startsWith('docker/build-push-action@'))
    expect(build?.with).toMatchObject({ file: 'Dockerfile', push: true })
    expect(String(build?.with?.tags)).toMatch(/^ghcr\.io\//)
    expect(existsSync(join(root, 'Dockerfile'))).toBe(true)
  })

  it('attaches the installers and the npm package to the release', () => {
    const job = release.jobs.release as WorkflowJob
    expect(job.needs).toEqual(['installers', 'package', 'container'])
    expect(commands(job, 'Linux').join('\n')).toMatch(/gh release create/)
    expect(commands(release.jobs.package as WorkflowJob, 'Linux').join('\n')).toMatch(/npm pack/)
  })
})

describe('the README’s ways to run Hush', () => {
  it('starts with the downloads, then the container, then npm, then the clone', () => {
    const run = readme.slice(readme.indexOf('## Run it'), readme.indexOf('## Test it'))
    const order = [
      '### 1. Download',
      '### 2. In a container',
      '### 3. From npm',
      '### 4. From a clone',
    ]
    const positions = order.map(heading => run.indexOf(heading))
    expect(positions.every(position => position >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    expect(run.slice(0, positions[1])).toContain('(../../releases)')
  })

  it('gives each way the two commands it takes, and they name what the repository has', () => {
    const ways = {
      '### 1. Download the desktop app': /AppImage/,
      '### 2. In a container, beside your Plex container': /^docker compose up -d$/m,
      '### 3. From npm': new RegExp(`^npm install --global ${packageJson.name}$`, 'm'),
      '### 4. From a clone': /^npm install && npm start$/m,
    }
    for (const [heading, command] of Object.entries(ways)) {
      const [block] = readmeBlocks(heading)
      expect(block?.split('\n'), heading).toHaveLength(2)
      expect(block, heading).toMatch(command)
    }
    expect(existsSync(join(root, 'compose.yaml'))).toBe(true)
  })
})
