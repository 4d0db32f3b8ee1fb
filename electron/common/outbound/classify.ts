import type { OutboundCategory } from './categories'
import { classifierTable, type ClassifierRow } from './classifier-table'
import { isLocalHost, type UrlParts } from './url-parts'

/** What an exchange is for. */
export interface Classification {
  readonly service: string
  readonly category: OutboundCategory
  readonly policyItem: string | null
  readonly upstream: boolean
}

/** The media server's own port: loopback calls to it are the server talking to itself. */
const serverPort = 32400

function hostMatches(rowHost: string, host: string): boolean {
  return rowHost.startsWith('.')
    ? host.endsWith(rowHost) || host === rowHost.slice(1)
    : host === rowHost
}

// Rows by exact host, and the suffix rows: a host's exact rows are tried before any suffix row.
const exactRows = new Map<string, ClassifierRow[]>()
const suffixRows: ClassifierRow[] = []
for (const row of classifierTable) {
  if (row.host.startsWith('.')) {
    suffixRows.push(row)
  } else {
    exactRows.set(row.host, [...(exactRows.get(row.host) ?? []), row])
  }
}

function rowMatches(row: ClassifierRow, parts: UrlParts): boolean {
  return (
    hostMatches(row.host, parts.host) &&
    (row.port === undefined || row.port === parts.port) &&
    (row.path === undefined || parts.path.startsWith(row.path)) &&
    (row.pathContains === undefined || parts.path.includes(row.pathContains)) &&
    (row.queryContains === undefined || row.queryContains.some(part => parts.query.includes(part)))
  )
}

function firstMatch(
  rows: readonly ClassifierRow[] | undefined,
  parts: UrlParts,
): ClassifierRow | undefined {
  if (rows) {
    for (const row of rows) {
      if (rowMatches(row, parts)) {
        return row
      }
    }
  }
  return undefined
}

/**
 * Classifies an exchange by host, port, path and query (classifier-table.ts). Local hosts are
 * `local`; `extraRows` (e.g. the owner's webhook targets) are tried before the table. A host the
 * table does not know is `other-upstream`, whatever the method: a POST to it may be one of the
 * owner's webhooks, but only the owner's webhook list can say so.
 */
export function classify(
  parts: UrlParts,
  extraRows: readonly ClassifierRow[] = [],
): Classification {
  if (parts.host === '' || isLocalHost(parts.host)) {
    return { ...localService(parts), category: 'local', upstream: false }
  }
  for (const row of extraRows) {
    if (rowMatches(row, parts)) {
      return {
        service: row.service,
        category: row.category,
        policyItem: row.policyItem,
        upstream: true,
      }
    }
  }
  const row = firstMatch(exactRows.get(parts.host), parts) ?? firstMatch(suffixRows, parts)
  if (row) {
    return {
      service: row.service,
      category: row.category,
      policyItem: row.policyItem,
      upstream: true,
    }
  }
  return { service: parts.host, category: 'other-upstream', policyItem: null, upstream: true }
}

function localService(parts: UrlParts): { service: string; policyItem: string | null } {
  const loopback =
    parts.host === 'localhost' || parts.host.startsWith('127.') || parts.host === '::1'
  if (loopback && parts.port !== serverPort && parts.port !== null) {
    // The plug-in host listens on a random loopback port (ref §4.2 notes); map item 9.
    return { service: 'plug-in host', policyItem: 'collect-9' }
  }
  if (loopback) {
    return { service: 'this server', policyItem: null }
  }
  return { service: 'local network', policyItem: null }
}
