import type { OutboundEvent } from './outbound-event'

/**
 * How much of each exchange Hush keeps in its own log: 0 everything (redacted), 1 no query
 * strings, 2 hosts only, 3 counts only (category, day and outcome; no host, URL or source line).
 */
export type PrivacyLevel = 0 | 1 | 2 | 3

/** Parses a privacy level, or returns null for anything else. */
export function parsePrivacyLevel(text: string): PrivacyLevel | null {
  return text === '0' || text === '1' || text === '2' || text === '3'
    ? (Number(text) as PrivacyLevel)
    : null
}

function withoutQuery(url: string): string {
  const cut = url.search(/[?#]/)
  return cut < 0 ? url : url.slice(0, cut)
}

function originOnly(url: string): string {
  const schemeEnd = url.indexOf('://')
  if (schemeEnd < 0) {
    return ''
  }
  const rest = url.slice(schemeEnd + 3)
  const end = rest.search(/[/?#]/)
  return url.slice(0, schemeEnd + 3) + (end < 0 ? rest : rest.slice(0, end))
}

/** Reduces a (redacted) event to what the privacy level keeps. */
export function applyPrivacyLevel(event: OutboundEvent, level: PrivacyLevel): OutboundEvent {
  switch (level) {
    case 0:
      return event
    case 1:
      return { ...event, url: withoutQuery(event.url), error: event.error }
    case 2:
      return { ...event, url: originOnly(event.url), error: null }
    case 3:
      return {
        ...event,
        time: event.time.slice(0, 10),
        url: '',
        host: '',
        service: event.category,
        error: null,
        source: { file: '', line: 0 },
      }
  }
}
