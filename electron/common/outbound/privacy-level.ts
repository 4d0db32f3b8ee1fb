import type { EventTarget } from './event-target'
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

/** Reduces a target to what the privacy level keeps of it. */
export function keptTarget<T extends EventTarget>(target: T, level: PrivacyLevel): T {
  switch (level) {
    case 0:
      return target
    case 1:
      return { ...target, url: withoutQuery(target.url) }
    case 2:
      return { ...target, url: originOnly(target.url) }
    case 3:
      return { ...target, url: '', host: '', service: target.category }
  }
}

/** Whether a privacy level keeps the text of errors (levels 0 and 1). */
export function keepsErrors(level: PrivacyLevel): boolean {
  return level <= 1
}

/** Reduces a (redacted) event to what the privacy level keeps. */
export function applyPrivacyLevel(event: OutboundEvent, level: PrivacyLevel): OutboundEvent {
  if (level === 0) {
    return event
  }
  const kept = { ...keptTarget(event, level), error: keepsErrors(level) ? event.error : null }
  // Counts only: the day and the outcome, no time of day and no source line.
  return level === 3
    ? { ...kept, time: event.time.slice(0, 10), source: { file: '', line: 0 } }
    : kept
}
