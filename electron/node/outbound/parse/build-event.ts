import { classify, type Classification } from '../../../common/outbound/classify'
import type { ClassifierRow } from '../../../common/outbound/classifier-table'
import type { OutboundEvent } from '../../../common/outbound/outbound-event'
import { redactText, redactUrl } from '../../../common/outbound/redact'
import { urlParts } from '../../../common/outbound/url-parts'
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

/** The redacted URL of an exchange, its host and what it is for: a pure function of method and URL. */
interface UrlFacts extends Classification {
  readonly url: string
  readonly host: string
  readonly method: string
}

/**
 * Remembers the redacted, classified form of recent URLs. A server calls the same few thousand
 * URLs over and over, so nearly every event of a long log reuses one (redaction and
 * classification are pure, so a cached answer is the same answer). Cleared when full.
 */
export class UrlFactsCache {
  private readonly facts = new Map<string, UrlFacts>()

  constructor(
    private readonly extraRows: readonly ClassifierRow[] = [],
    private readonly capacity = 8192,
  ) {}

  /** The facts of a raw (unredacted) URL requested with a method. */
  get(method: string, rawUrl: string): UrlFacts {
    // Keyed by the URL alone (no key string to build per line); the method is part of the facts.
    const f = this.facts.get(rawUrl)
    if (f !== undefined && f.method === method) {
      return f
    }
    const url = redactUrl(rawUrl)
    const parts = urlParts(url)
    const built: UrlFacts = {
      ...classify(parts, this.extraRows),
      url,
      host: parts.host,
      method,
    }
    if (this.facts.size >= this.capacity) {
      this.facts.clear()
    }
    this.facts.set(rawUrl, built)
    return built
  }
}

/** Redacts and classifies a raw exchange into an event; nothing unredacted leaves this function. */
export function buildEvent(
  raw: RawExchange,
  extraRows: readonly ClassifierRow[] = [],
  cache: UrlFactsCache = new UrlFactsCache(extraRows, 1),
): OutboundEvent {
  const f = cache.get(raw.method, raw.url)
  return {
    key: raw.key,
    time: raw.time.iso,
    localTime: raw.time.localTime,
    method: raw.method,
    url: f.url,
    host: f.host,
    upstream: f.upstream,
    status: raw.status,
    error: raw.error === null ? null : redactText(raw.error),
    service: f.service,
    category: f.category,
    policyItem: f.policyItem,
    source: { file: raw.file, line: raw.line },
  }
}
