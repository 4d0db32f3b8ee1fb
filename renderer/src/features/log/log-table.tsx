import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type KeyboardEvent } from 'react'
import { useLanguage, useText } from '../../i18n/use-text'
import { useAppStore } from '../../store/app-store-context'
import { logSelectors } from '../../store/selectors/log-selectors'
import { logPageSize, rowAt } from '../../store/slices/log-pages'
import { LogRow } from './log-row'

/** Height of one row in pixels; with the row cap it keeps the scroll model under Chrome's limit. */
export const rowHeight = 30

/** How long the view must rest before its pages are asked for. */
const fetchDelayMs = 60

const keySteps: Readonly<Record<string, number>> = {
  ArrowDown: 1,
  ArrowUp: -1,
  PageDown: 15,
  PageUp: -15,
}

/**
 * The outbound log as a virtualized grid. Only the rows on screen exist in the DOM, and only the
 * pages around them are asked of the core; arrow keys move the selection.
 */
export function LogTable() {
  const text = useText()
  const language = useLanguage()
  const count = useAppStore(logSelectors.rowCount)
  const pages = useAppStore(s => s.logPages)
  const version = useAppStore(s => s.logView.version)
  const selected = useAppStore(s => s.selectedRow)
  const select = useAppStore(s => s.logRowSelected)
  const needPage = useAppStore(s => s.logPageNeeded)
  const scroller = useRef<HTMLDivElement>(null)
  // No React Compiler here: the virtualizer re-renders by design, nothing is memoized around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    // Before layout is measured (and in tests), assume a typical viewport.
    initialRect: { width: 800, height: 480 },
  })
  const items = virtualizer.getVirtualItems()
  const firstPage = Math.floor((items[0]?.index ?? 0) / logPageSize)
  const lastPage = Math.floor((items.at(-1)?.index ?? 0) / logPageSize)

  // Ask for pages once the view rests for a moment: a fast fling should not fetch (and render)
  // every page it flies past.
  useEffect(() => {
    if (count === 0) {
      return
    }
    const timer = setTimeout(() => {
      for (let page = firstPage; page <= lastPage; page++) {
        void needPage(page)
      }
    }, fetchDelayMs)
    return () => clearTimeout(timer)
  }, [firstPage, lastPage, count, version, needPage])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = keySteps[event.key]
    const target =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? count - 1
          : step !== undefined
            ? (selected ?? -1) + step
            : null
    if (target === null || count === 0) {
      return
    }
    event.preventDefault()
    const next = Math.max(0, Math.min(count - 1, target))
    select(next)
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }

  return (
    <div
      ref={scroller}
      className="log-table"
      role="grid"
      aria-label={text.log.title}
      aria-rowcount={count + 1}
      aria-activedescendant={selected !== null ? `log-row-${selected}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div role="row" className="log-row log-head" aria-rowindex={1}>
        <span role="columnheader">{text.log.columns.time}</span>
        <span role="columnheader">{text.log.columns.method}</span>
        <span role="columnheader">{text.log.columns.host}</span>
        <span role="columnheader">{text.log.columns.category}</span>
        <span role="columnheader">{text.log.columns.status}</span>
      </div>
      <div className="log-rows" style={{ height: virtualizer.getTotalSize() }}>
        {items.map(item => (
          <LogRow
            key={item.key}
            index={item.index}
            start={item.start}
            height={rowHeight}
            event={rowAt(pages, item.index)}
            selected={selected === item.index}
            text={text}
            language={language}
            onSelect={select}
          />
        ))}
      </div>
    </div>
  )
}
