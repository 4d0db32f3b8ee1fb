import { classify } from '../../common/outbound/classify'
import type { ClassifierRow } from '../../common/outbound/classifier-table'
import type { OutboundEvent } from '../../common/outbound/outbound-event'
import { redactText } from '../../common/outbound/redact'
import { urlParts } from '../../common/outbound/url-parts'
import type { LogTime } from './log-time'

/** What one exchange line contributes to an event before redaction and classification. */
export interface RawExchange {
  readonly key: string
  readonly time: LogTime
  readonly method: string
  readonly url: string
  readonly status: number | null
  readonly error: string | null
  readonly file: string
  readonly line: number
}

/** Redacts and classifies a raw exchange into an event; nothing unredacted leaves this function. */
export function buildEvent(
  raw: RawExchange,
  extraRows: readonly ClassifierRow[] = [],
): OutboundEvent {
  const url = redactText(raw.url)
  const parts = urlParts(url)
  const c = classify(parts, extraRows, raw.method)
  return {
    key: raw.key,
    time: raw.time.iso,
    localTime: raw.time.localTime,
    method: raw.method,
    url,
    host: parts.host,
    upstream: c.upstream,
    status: raw.status,
    error: raw.error === null ? null : redactText(raw.error),
    service: c.service,
    category: c.category,
    policyItem: c.policyItem,
    source: { file: raw.file, line: raw.line },
  }
}
