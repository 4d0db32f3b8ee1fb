import type { OverridesReport } from '../../../electron/common/api/watch-schemas'

function cell(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value)
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The overrides as CSV, one row per value, for the owner to keep. */
export function overridesCsv(report: OverridesReport): string {
  const rows = [
    ['switch', 'setting', 'value', 'plex_default', 'set_by', 'since'],
    ...report.overrides.map(o => [o.switchId, o.label, o.value, o.defaultValue, o.by, o.since]),
  ]
  return `${rows.map(row => row.map(cell).join(',')).join('\n')}\n`
}
