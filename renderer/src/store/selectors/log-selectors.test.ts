import { describe, expect, it, vi } from 'vitest'
import { createFakeBridge } from '../../bridge/fake-bridge'
import { catalogFixture } from '../../catalog/catalog-fixture'
import { createAppStore } from '../create-app-store'
import { logPageSize, maxCachedPages } from '../slices/log-pages'
import { logSelectors, maxTableRows, toChartData } from './log-selectors'

describe('the outbound log in the store', () => {
  it('holds a bounded window of pages however far the table scrolls through a million events', async () => {
    const store = createAppStore(createFakeBridge({ logEvents: 1_000_000 }), catalogFixture)
    await store.getState().logOpened()
    expect(logSelectors.rowCount(store.getState())).toBe(1_000_000)
    for (let index = 0; index < 10_000; index += 97) {
      await store.getState().logPageNeeded(index)
    }
    const pages = Object.keys(store.getState().logPages)
    expect(pages.length).toBe(maxCachedPages)
    const rows = Object.values(store.getState().logPages).reduce(
      (sum, page) => sum + page.length,
      0,
    )
    expect(rows).toBeLessThanOrEqual(maxCachedPages * logPageSize)
    // The pages kept are the ones nearest to where the owner is now.
    expect(store.getState().logPages[9991]?.[0]?.id).toBe(1_000_000 - 9991 * logPageSize)
  })

  it('keeps its snapshot when new events arrive, and counts them for the owner', async () => {
    const store = createAppStore(createFakeBridge({ logEvents: 500 }), catalogFixture)
    await store.getState().logOpened()
    await store.getState().logPageNeeded(0)
    store.getState().logRecorded(3)
    expect(store.getState().logFresh).toBe(3)
    expect(store.getState().logPages[0]?.[0]?.id).toBe(500)
  })

  it('fills an empty table as soon as the first events are recorded', async () => {
    const bridge = createFakeBridge({ logEvents: 0 })
    const store = createAppStore(bridge, catalogFixture)
    await store.getState().logOpened()
    expect(store.getState().logView.total).toBe(0)
    store.getState().logRecorded(1)
    await vi.waitFor(() => expect(store.getState().logView.version).toBe(2))
  })

  it('narrows by category and search, starting a new snapshot', async () => {
    const store = createAppStore(createFakeBridge({ logEvents: 500 }), catalogFixture)
    await store.getState().logOpened()
    await store.getState().logFilterChanged({ category: 'relay' })
    expect(store.getState().logView.total).toBe(100)
    await store.getState().logPageNeeded(0)
    expect(store.getState().logPages[0]?.every(event => event.category === 'relay')).toBe(true)
    await store.getState().logFilterChanged({ category: undefined, search: 'n=42' })
    expect(store.getState().logFilter).toEqual({ search: 'n=42' })
  })

  it('caps the scroll model below the browser height limit', async () => {
    const store = createAppStore(createFakeBridge({ logEvents: 2_000_000 }), catalogFixture)
    await store.getState().logOpened()
    expect(logSelectors.rowCount(store.getState())).toBe(maxTableRows)
    expect(logSelectors.truncated(store.getState())).toBe(true)
  })
})

describe('the chart data', () => {
  it('orders days and puts the busiest category first', () => {
    const chart = toChartData({
      total: 6,
      byCategory: [],
      byHost: [],
      byDay: [
        { day: '2026-11-02', category: 'relay', count: 1 },
        { day: '2026-11-01', category: 'account', count: 4 },
        { day: '2026-11-02', category: 'account', count: 1 },
      ],
      skippedLines: 0,
      droppedEvents: 0,
    })
    expect(chart.days.map(day => day.day)).toEqual(['2026-11-01', '2026-11-02'])
    expect(chart.categories).toEqual(['account', 'relay'])
    expect(chart.max).toBe(4)
    expect(chart.days[1]?.total).toBe(2)
  })
})
