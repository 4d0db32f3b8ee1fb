import type { OverridesReport } from '../../common/api/watch-schemas'

const csvField = (value: string | number | boolean | null): string => {
  const text = value === null ? '' : String(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The overrides as CSV (one row per target; the audit trail is in the JSON export). */
export function overridesCsv(report: OverridesReport): string {
  const rows = report.overrides.map(entry =>
    [
      entry.switchId,
      entry.target,
      entry.value,
      entry.defaultValue,
      entry.by,
      entry.since,
      entry.audit.length,
    ]
      .map(csvField)
      .join(','),
  )
  return `${['switch', 'target', 'value', 'default', 'set_by', 'since', 'audit_entries'].join(',')}\n${rows.map(row => `${row}\n`).join('')}`
}

/** The overrides as text: a summary line and one line per target. */
export function formatOverrides(report: OverridesReport): string {
  const count = report.overrides.length
  if (count === 0) {
    return "No overrides: every switch is at Plex's default.\n"
  }
  const lines = report.overrides.map(entry => {
    const who = entry.by === 'hush' ? `Hush, since ${entry.since ?? '?'}` : 'someone else'
    return `  ${entry.switchId}  ${entry.label}: ${String(entry.value)} (default ${String(entry.defaultValue)}) — set by ${who}`
  })
  return `${count} value${count === 1 ? ' differs' : 's differ'} from Plex's defaults:\n${lines.join('\n')}\n`
}
