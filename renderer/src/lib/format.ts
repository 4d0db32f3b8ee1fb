import type { Language } from '../../../electron/common/i18n/localized-text'

const locales: Readonly<Record<Language, string>> = { en: 'en-GB', zh: 'zh-CN' }

/** A setting value as text; null shows as a dash. */
export function formatValue(value: boolean | number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') {
    return '—'
  }
  return String(value)
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** Formats with a cached Intl formatter: building one per call costs more than the table's frame. */
function formatWith(
  iso: string,
  language: Language,
  name: string,
  options: Intl.DateTimeFormatOptions,
): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) {
    return iso
  }
  const key = `${language}:${name}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locales[language], options)
    formatters.set(key, formatter)
  }
  return formatter.format(date)
}

/** The time of day of an ISO timestamp, e.g. 14:30. */
export function formatTime(iso: string, language: Language): string {
  return formatWith(iso, language, 'time', { hour: '2-digit', minute: '2-digit' })
}

/** A date and time, e.g. 29 Nov 2026, 14:30:05. */
export function formatDateTime(iso: string, language: Language): string {
  return formatWith(iso, language, 'dateTime', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
}

/** A byte count, e.g. 1.4 MB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`
}

/** A whole number with the language's digit grouping. */
export function formatCount(count: number, language: Language): string {
  return count.toLocaleString(locales[language])
}

/** A date and time without the year, for dense tables, e.g. 29 Nov, 14:30:05. */
export function formatShortDateTime(iso: string, language: Language): string {
  return formatWith(iso, language, 'short', {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
}
