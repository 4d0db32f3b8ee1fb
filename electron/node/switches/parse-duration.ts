const unitSeconds: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 }

/**
 * Reads a duration such as `90s`, `30m`, `2h`, `1h30m` or `1d` into seconds; undefined when the
 * text is not one (or is zero).
 */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase()
  if (!/^(\d+[smhd])+$/.test(trimmed)) {
    return undefined
  }
  let seconds = 0
  for (const [, amount = '0', unit = 's'] of trimmed.matchAll(/(\d+)([smhd])/g)) {
    seconds += Number(amount) * (unitSeconds[unit] ?? 0)
  }
  return seconds > 0 && Number.isSafeInteger(seconds) ? seconds : undefined
}
