import { memo } from 'react'
import type {
  OutboundEventView,
  StoredEventView,
} from '../../../../electron/common/api/log-schemas'
import type { Language } from '../../../../electron/common/i18n/localized-text'
import type { Messages } from '../../i18n/messages-en'
import { formatBytes, formatShortDateTime } from '../../lib/format'
import { categoryColour } from './log-chart'

/** A connection's bytes sent, in place of a status (the connection witness's events have none). */
function connectionBytes(event: OutboundEventView): string | null {
  const connection = (event as Partial<StoredEventView>).connection
  return connection?.bytesSent == null ? null : formatBytes(connection.bytesSent)
}

/** Props of LogRow. */
export interface LogRowProps {
  readonly index: number
  readonly start: number
  readonly height: number
  readonly event: OutboundEventView | undefined
  readonly selected: boolean
  readonly text: Messages
  readonly language: Language
  readonly onSelect: (index: number) => void
}

/**
 * One row of the log grid. Memoized: while scrolling, only rows that come into view render, not
 * the ones already on screen.
 */
export const LogRow = memo(function LogRow({
  index,
  start,
  height,
  event,
  selected,
  text,
  language,
  onSelect,
}: LogRowProps) {
  return (
    <div
      id={`log-row-${index}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className="log-row"
      style={{ transform: `translateY(${start}px)`, height }}
      onClick={() => onSelect(index)}
    >
      {event ? (
        <>
          <span role="gridcell" className="mono">
            {formatShortDateTime(event.time, language)}
          </span>
          <span role="gridcell" className="mono">
            {event.method}
          </span>
          <span role="gridcell" className="mono ellipsis">
            {event.host}
          </span>
          <span role="gridcell" className="ellipsis">
            <span className="swatch" style={{ background: categoryColour(event.category) }} />
            {text.categories[event.category]}
          </span>
          <span role="gridcell" className="mono">
            {connectionBytes(event) ?? event.status ?? (event.error ? '✕' : '—')}
          </span>
        </>
      ) : (
        <span role="gridcell" className="muted">
          {text.log.loadingRow}
        </span>
      )}
    </div>
  )
})
