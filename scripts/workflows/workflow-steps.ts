import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

/** One step of a job, as a workflow file writes it. */
export interface WorkflowStep {
  readonly name?: string
  readonly uses?: string
  readonly run?: string
  readonly if?: string
  readonly with?: Record<string, unknown>
}

/** One job, as a workflow file writes it. */
export interface WorkflowJob {
  readonly 'runs-on': string
  readonly container?: string
  readonly needs?: string | string[]
  readonly strategy?: { matrix?: { os?: string[]; include?: Record<string, string>[] } }
  readonly steps: WorkflowStep[]
}

/** A workflow file: its triggers and jobs. */
export interface Workflow {
  readonly on: Record<string, unknown>
  readonly jobs: Record<string, WorkflowJob>
}

/** Reads a workflow file. */
export function readWorkflow(path: string): Workflow {
  return parse(readFileSync(path, 'utf8')) as Workflow
}

/** GitHub's `runner.os` for a runner label. */
export function runnerOs(label: string): 'Linux' | 'macOS' | 'Windows' {
  if (label.startsWith('ubuntu')) {
    return 'Linux'
  }
  if (label.startsWith('macos')) {
    return 'macOS'
  }
  if (label.startsWith('windows')) {
    return 'Windows'
  }
  throw new Error(`unknown runner ${label}`)
}

/** The runner labels a job runs on: its matrix's, or its own. */
export function jobRunners(job: WorkflowJob): string[] {
  const matrix = job.strategy?.matrix
  return (matrix?.os ?? matrix?.include?.map(entry => entry.os ?? '') ?? [job['runs-on']]).filter(
    label => label !== '',
  )
}

/**
 * The steps a job runs on one system: a step's `if:` is judged for the conditions these workflows
 * use (`runner.os == 'X'`, `runner.os != 'X'`, `always()`); anything else is refused.
 */
export function stepsOn(job: WorkflowJob, os: 'Linux' | 'macOS' | 'Windows'): WorkflowStep[] {
  return job.steps.filter(step => {
    const condition = step.if?.trim()
    if (condition === undefined || condition === 'always()') {
      return true
    }
    const match = /^runner\.os\s*(==|!=)\s*'(\w+)'$/.exec(condition)
    if (!match) {
      throw new Error(`a condition this check cannot judge: ${condition}`)
    }
    return match[1] === '==' ? match[2] === os : match[2] !== os
  })
}
