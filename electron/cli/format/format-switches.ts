import type { Plan, PlanStep, SwitchStatus } from '../../common/api/switch-schemas'
import { policyItemKey } from '../../common/policy/policy-item'
import { profileIds, type SettingValue, type SwitchEntry } from '../../common/switches/switch-types'

/** Pads columns so that every row lines up; the last column is not padded. */
export function alignRows(rows: readonly (readonly string[])[], indent = ''): string {
  const widths: number[] = []
  for (const row of rows) {
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, cell.length)
    })
  }
  return rows
    .map(
      row =>
        indent +
        row
          .map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0)))
          .join('  ')
          .trimEnd(),
    )
    .map(line => `${line}\n`)
    .join('')
}

/** A value as the owner reads it: `true`, `0`, `""`. */
export function showValue(value: SettingValue | null): string {
  return value === null ? '—' : value === '' ? '""' : String(value)
}

/** The status table: one row per switch, its targets indented below it. */
export function formatStatusTable(
  statuses: readonly SwitchStatus[],
  catalog: readonly SwitchEntry[],
): string {
  const byId = new Map(catalog.map(entry => [entry.id, entry]))
  const header = ['SWITCH', 'STATE', ...profileIds.map(profile => profile.toUpperCase()), 'POLICY']
  const rows = statuses.map(status => [
    status.id,
    status.state,
    ...profileIds.map(profile => status.profiles[profile] ?? 'keep'),
    (byId.get(status.id)?.policyItems ?? []).map(policyItemKey).join(', '),
  ])
  const table = alignRows([header, ...rows]).split('\n')
  let out = `${table[0] ?? ''}\n`
  statuses.forEach((status, index) => {
    out += `${table[index + 1] ?? ''}\n`
    for (const target of status.targets) {
      const fallback =
        target.defaultValue === null ? '' : ` (default ${showValue(target.defaultValue)})`
      out += `    ${target.label} = ${showValue(target.value)}${fallback}\n`
    }
    if (status.reason) {
      out += `    ${status.reason}\n`
    }
  })
  return out
}

/** One step as a table row. */
function stepRow(step: PlanStep, index: number): string[] {
  return [
    String(index + 1),
    step.switchId,
    step.label,
    `${showValue(step.before)} → ${showValue(step.after)}`,
  ]
}

/** A plan for the owner to read: the diff, what stops working, what was left alone. */
export function formatPlan(plan: Plan): string {
  let out = `${plan.title} (values read ${plan.readAt})\n`
  if (plan.steps.length === 0) {
    out += '  Nothing to change: the server already matches.\n'
  } else {
    out += alignRows(
      [['#', 'SWITCH', 'TARGET', 'BEFORE → AFTER'], ...plan.steps.map(stepRow)],
      '  ',
    )
  }
  if (plan.breaks.length > 0) {
    out += '\nWhat stops working:\n'
    out += plan.breaks.map(entry => `  ${entry.switchId}: ${entry.text}\n`).join('')
  }
  const skipped = plan.skipped ?? []
  if (skipped.length > 0) {
    out += '\nLeft alone:\n'
    out += skipped.map(entry => `  ${entry.switchId}: ${entry.reason}\n`).join('')
  }
  return out
}

/** The steps an apply, set or undo changed. */
export function formatApplied(steps: readonly PlanStep[]): string {
  return steps.length === 0 ? '' : alignRows(steps.map(stepRow), '  ')
}
