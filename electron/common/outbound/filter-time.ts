/**
 * Parses a filter time (`2025-08-04`, `2025-08-04T20:03`, with or without a zone) to epoch ms; NaN
 * when the text is not one. A time without a zone is UTC, like the stored event times.
 */
export function parseFilterTime(text: string): number {
  const withTime = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00` : text
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/.test(withTime) ? withTime : `${withTime}Z`
  return Date.parse(zoned)
}

/** Whether a text is a filter time parseFilterTime reads. */
export function isFilterTime(text: string): boolean {
  return !Number.isNaN(parseFilterTime(text))
}
