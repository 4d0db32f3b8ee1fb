import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderApp } from '../../testing/render-app'

// happy-dom does no layout: give the table's scroll box the size a window would.
const realHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight')
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.getAttribute('role') === 'grid' ? 480 : 0
    },
  })
})
afterAll(() => {
  if (realHeight) {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', realHeight)
  }
})

async function openLog() {
  fireEvent.click(screen.getByRole('link', { name: 'Outbound log' }))
  await screen.findByRole('heading', { level: 1, name: 'Outbound log' })
}

describe('the Outbound log screen', () => {
  it('shows a million events while rendering only the rows on screen', async () => {
    const bridge = await renderApp({ logEvents: 1_000_000 })
    await openLog()
    expect(await screen.findByText('1,000,000 events')).toBeTruthy()
    const grid = screen.getByRole('grid', { name: 'Outbound log' })
    await within(grid).findAllByText('relay.plex.tv')
    expect(within(grid).getAllByRole('row').length).toBeLessThan(80)
    const pages = bridge.calls.filter(call => call.method === 'log.page')
    expect(pages.every(call => ((call.input as { limit?: number }).limit ?? 0) <= 100)).toBe(true)
  })

  it('searches through the box labelled Search', async () => {
    const bridge = await renderApp({ logEvents: 500 })
    await openLog()
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), {
      target: { value: 'n=7' },
    })
    await waitFor(() =>
      expect(
        bridge.calls.some(
          call =>
            call.method === 'log.count' && (call.input as { search?: string }).search === 'n=7',
        ),
      ).toBe(true),
    )
    expect(await screen.findByText('11 events')).toBeTruthy()
  })

  it('shows the selected event in the detail pane, with its policy item cited', async () => {
    await renderApp({ logEvents: 50 })
    await openLog()
    const grid = screen.getByRole('grid', { name: 'Outbound log' })
    const [first] = await within(grid).findAllByText('metadata.provider.plex.tv')
    fireEvent.click(first!)
    const detail = screen.getByRole('complementary', { name: 'Event detail' })
    expect(
      within(detail).getByText('https://metadata.provider.plex.tv/library/metadata/matches?n=0'),
    ).toBeTruthy()
    expect(
      within(detail).getByText('Privacy Policy 2020, Information we collect, item 3'),
    ).toBeTruthy()
  })

  it('moves the selection with the arrow keys', async () => {
    await renderApp({ logEvents: 50 })
    await openLog()
    const grid = screen.getByRole('grid', { name: 'Outbound log' })
    await within(grid).findAllByText('plex.tv')
    fireEvent.keyDown(grid, { key: 'ArrowDown' })
    fireEvent.keyDown(grid, { key: 'ArrowDown' })
    const detail = screen.getByRole('complementary', { name: 'Event detail' })
    expect(within(detail).getByText('https://plex.tv/api/v2/user?n=1')).toBeTruthy()
  })
})
