import type { OutboundEventView } from '../../../../electron/common/api/log-schemas'

/** Rows per page asked of the core. */
export const logPageSize = 100

/** Pages kept at most: the renderer holds a few windows of rows, never the whole log. */
export const maxCachedPages = 12

/**
 * Adds a page to the cache and, past the bound, drops the pages farthest from it (the ones the
 * owner scrolled away from).
 */
export function keepPages(
  pages: Readonly<Record<number, readonly OutboundEventView[]>>,
  index: number,
  events: readonly OutboundEventView[],
): Record<number, readonly OutboundEventView[]> {
  const next: Record<number, readonly OutboundEventView[]> = { ...pages, [index]: events }
  const indices = Object.keys(next).map(Number)
  if (indices.length <= maxCachedPages) {
    return next
  }
  indices
    .sort((a, b) => Math.abs(b - index) - Math.abs(a - index))
    .slice(0, indices.length - maxCachedPages)
    .forEach(far => delete next[far])
  return next
}

/** The row at a position of the table, if its page is in the cache. */
export function rowAt(
  pages: Readonly<Record<number, readonly OutboundEventView[]>>,
  position: number,
): OutboundEventView | undefined {
  return pages[Math.floor(position / logPageSize)]?.[position % logPageSize]
}
