// The electronegativity gate of `npm test`: scan the Electron shell's sources, and fail on every
// HIGH or MEDIUM finding that is not a reviewed false positive whose reason is checked right here.
import { execFile } from 'node:child_process'
import { cpSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

/** One finding of electronegativity, as scripts/security/electronegativity-json.mjs prints it. */
export interface Finding {
  check: string
  severity: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH'
  confidence: 'TENTATIVE' | 'FIRM' | 'CERTAIN'
  file: string
  line: number
  column: number
  sample: string
  description: string
  manualReview: boolean
}

/** What one scan found, and the files it could not parse (a file it cannot read is not checked). */
export interface ScanResult {
  checks: number
  errors: { file: string; message: string; tolerable: boolean }[]
  findings: Finding[]
}

const runner = fileURLToPath(new URL('./electronegativity-json.mjs', import.meta.url))

/** Scans one folder with electronegativity, assuming the given Electron version. */
export async function scanWithElectronegativity(
  folder: string,
  electronVersion: string,
): Promise<ScanResult> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [runner, folder, electronVersion],
    {
      env: { ...process.env, LANG: 'en_US.UTF-8' },
      maxBuffer: 16 * 1024 * 1024,
    },
  )
  const result = JSON.parse(stdout) as ScanResult
  if (!Array.isArray(result.findings) || !Array.isArray(result.errors) || !(result.checks > 0)) {
    throw new Error(`electronegativity printed no scan result: ${stdout.slice(0, 200)}`)
  }
  return result
}

/** The shell's folders that are scanned: what ends up in the main and preload bundles. */
export const shellFolders = ['electron/main', 'electron/preload'] as const

/** The window's page: a Content-Security-Policy meta tag there counts for the CSP check. */
export const windowPage = 'renderer/index.html'

/** Copies the shell's sources (without tests) and the window's page into one folder for one scan. */
export function stageShellSources(root: string, stage: string): void {
  for (const folder of shellFolders) {
    cpSync(join(root, folder), join(stage, folder), {
      recursive: true,
      filter: source => !/\.(test|spec)\.tsx?$/.test(source),
    })
  }
  if (existsSync(join(root, windowPage))) {
    cpSync(join(root, windowPage), join(stage, windowPage))
  }
}

/** The source lines from a finding's line on (the statement it points at, roughly). */
export function findingContext(stage: string, finding: Finding, after = 8, before = 3): string {
  const path = join(stage, finding.file)
  if (!existsSync(path)) {
    return finding.sample
  }
  const lines = readFileSync(path, 'utf8').split('\n')
  return lines.slice(Math.max(0, finding.line - 1 - before), finding.line + after).join('\n')
}

/**
 * A finding the scanner cannot rule out but a person has reviewed. `matches` says which findings it
 * covers; `holds` re-checks, on every run, the fact that makes them false positives.
 */
export interface ReviewedFinding {
  checks: readonly string[]
  reason: string
  matches(context: string): boolean
  holds(): boolean
}

/** The verdict on one scan. */
export interface GateVerdict {
  blocking: Finding[]
  excused: { finding: Finding; reason: string }[]
  /** App-wide checks not yet judged because the composition root does not exist. */
  pending: Finding[]
}

const gated = new Set(['HIGH', 'MEDIUM'])

/**
 * Sorts the findings: HIGH and MEDIUM block unless a reviewed finding matches and still holds. The
 * app-wide (GLOBAL) checks judge the whole shell, so they wait until its composition root exists.
 */
export function judgeFindings(
  findings: readonly Finding[],
  options: {
    reviewed: readonly ReviewedFinding[]
    contextOf: (finding: Finding) => string
    compositionRootExists: boolean
  },
): GateVerdict {
  const verdict: GateVerdict = { blocking: [], excused: [], pending: [] }
  for (const finding of findings) {
    if (!gated.has(finding.severity)) {
      continue
    }
    if (!options.compositionRootExists && finding.check.endsWith('_GLOBAL_CHECK')) {
      verdict.pending.push(finding)
      continue
    }
    const context = options.contextOf(finding)
    const review = options.reviewed.find(
      item => item.checks.includes(finding.check) && item.matches(context) && item.holds(),
    )
    if (review) {
      verdict.excused.push({ finding, reason: review.reason })
    } else {
      verdict.blocking.push(finding)
    }
  }
  return verdict
}

/** One line per finding, for a failing test's message. */
export function describeFinding(finding: Finding): string {
  const where = finding.file === 'N/A' ? 'app-wide' : `${finding.file}:${finding.line}`
  return `${finding.severity} ${finding.check} (${finding.confidence}) at ${where}: ${finding.description}`
}
