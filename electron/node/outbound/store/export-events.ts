import type { StoredEvent } from './event-queries'

/** Export formats of `hush log export`. */
export type ExportFormat = 'csv' | 'json' | 'ndjson'

const csvColumns = [
  'id',
  'time',
  'localTime',
  'method',
  'url',
  'host',
  'upstream',
  'status',
  'error',
  'service',
  'category',
  'policyItem',
  'sourceFile',
  'sourceLine',
  'witness',
  'process',
  'remoteAddress',
  'remotePort',
  'lastSeen',
  'closedAt',
  'bytesSent',
  'bytesReceived',
] as const

function csvCell(value: string | number | boolean | null): string {
  if (value === null) {
    return ''
  }
  let text = String(value)
  // A cell starting with = + - @ would run as a formula in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function csvRow(e: StoredEvent): string {
  return [
    e.id,
    e.time,
    e.localTime,
    e.method,
    e.url,
    e.host,
    e.upstream,
    e.status,
    e.error,
    e.service,
    e.category,
    e.policyItem,
    e.source.file,
    e.source.line,
    e.witness,
    e.connection?.process ?? null,
    e.connection?.remoteAddress ?? null,
    e.connection?.remotePort ?? null,
    e.connection?.lastSeen ?? null,
    e.connection?.closedAt ?? null,
    e.connection?.bytesSent ?? null,
    e.connection?.bytesReceived ?? null,
  ]
    .map(csvCell)
    .join(',')
}

/** Where a part of an export sits: the first opens it (header, bracket), the last closes it. */
export interface ExportPart {
  readonly opens: boolean
  /** Asked once the part's events are written. */
  readonly closes: () => boolean
}

const wholeExport: ExportPart = { opens: true, closes: () => true }

/**
 * Writes events in a format through `write`, streaming (one call per few hundred rows); `part`
 * when this is one part of an export made in several (the parts joined are the whole).
 */
export function exportEvents(
  events: Iterable<StoredEvent>,
  format: ExportFormat,
  write: (text: string) => void,
  part: ExportPart = wholeExport,
): number {
  let count = 0
  let buffer: string[] = []
  const flush = (): void => {
    if (buffer.length > 0) {
      write(buffer.join(''))
      buffer = []
    }
  }
  if (part.opens && format === 'csv') {
    buffer.push(`${csvColumns.join(',')}\r\n`)
  } else if (part.opens && format === 'json') {
    buffer.push('[')
  }
  for (const e of events) {
    if (format === 'csv') {
      buffer.push(`${csvRow(e)}\r\n`)
    } else if (format === 'json') {
      buffer.push(`${part.opens && count === 0 ? '\n' : ',\n'}  ${JSON.stringify(e)}`)
    } else {
      buffer.push(`${JSON.stringify(e)}\n`)
    }
    count++
    if (buffer.length >= 500) {
      flush()
    }
  }
  if (format === 'json' && part.closes()) {
    // Only a whole export that opened here and found nothing is empty.
    buffer.push(part.opens && count === 0 ? ']\n' : '\n]\n')
  }
  flush()
  return count
}
