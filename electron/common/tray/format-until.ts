import type { Language } from '../i18n/localized-text'

const monthsEn = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
]

/** The calendar fields of an instant in a time zone (the system's when none is given). */
function fieldsOf(date: Date, timeZone: string | undefined) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(date)
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find(part => part.type === type)?.value ?? '0')
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
  }
}

/**
 * When a temporary exception ends, short: "14:30" today, "30 Nov 14:30" (or "11月30日 14:30")
 * on another day. `null` when `until` is not a valid time. The text is built from numeric fields
 * so that it reads the same whatever locale data the runtime carries.
 */
export function formatUntil(
  until: string,
  now: string,
  language: Language,
  timeZone?: string,
): string | null {
  const end = new Date(until)
  const today = new Date(now)
  if (Number.isNaN(end.getTime()) || Number.isNaN(today.getTime())) {
    return null
  }
  const e = fieldsOf(end, timeZone)
  const t = fieldsOf(today, timeZone)
  const time = `${String(e.hour).padStart(2, '0')}:${String(e.minute).padStart(2, '0')}`
  if (e.year === t.year && e.month === t.month && e.day === t.day) {
    return time
  }
  return language === 'en'
    ? `${e.day} ${monthsEn[e.month - 1] ?? ''} ${time}`
    : `${e.month}月${e.day}日 ${time}`
}
