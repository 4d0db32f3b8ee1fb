import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { KeptNotice } from '../../../electron/common/api/notice-schemas'
import type { Notice } from '../../../electron/common/notices/notice'
import { showNotice } from '../../../electron/common/notices/notice-texts'
import { renderApp } from '../testing/render-app'

/** A notice as the core keeps and pushes it. */
const kept = (id: string, notice: Notice, times = 1): KeptNotice => ({
  ...showNotice(notice, 'en'),
  id,
  at: '2026-12-03T10:00:00.000Z',
  times,
})

const moved = kept('n-moved', {
  kind: 'connectionChanged',
  server: 'Attic NAS',
  from: '192.168.1.20:32400',
  to: '203.0.113.45:32400',
  via: 'remote',
  why: 'lost',
})

describe('what Hush tells the owner of its own accord', () => {
  it('shows a notice the core pushed, with its title and body, until dismissed in the core', async () => {
    const bridge = await renderApp()
    const region = await screen.findByRole('region', { name: 'What Hush told you' })
    act(() => bridge.emit('owner.notified', moved))
    const notice = await within(region).findByRole('article', {
      name: 'Hush reaches Attic NAS another way',
    })
    expect(
      within(notice).getByText(
        'Attic NAS no longer answered at 192.168.1.20:32400; Hush now reaches it at 203.0.113.45:32400, by Remote Access, from outside your network.',
      ),
    ).toBeTruthy()
    fireEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }))
    await waitFor(() => expect(within(region).queryByRole('article')).toBeNull())
    expect(bridge.calls).toContainEqual({ method: 'notices.dismiss', input: { id: 'n-moved' } })
  })

  it('shows on opening what the core kept while no dashboard was open', async () => {
    const destination = kept('n-1', {
      kind: 'newDestination',
      host: 'sentry.example',
      category: 'crash-reports',
    })
    await renderApp({ overrides: { 'notices.recent': () => [destination] } })
    const region = await screen.findByRole('region', { name: 'What Hush told you' })
    expect(await within(region).findByRole('article', { name: 'A new destination' })).toBeTruthy()
  })

  it('counts a repeat on its notice, and shows the newest three of those kept', async () => {
    const bridge = await renderApp()
    const region = await screen.findByRole('region', { name: 'What Hush told you' })
    const unreachable: Notice = { kind: 'serverUnreachable', reason: 'refused' }
    act(() => {
      bridge.emit('owner.notified', kept('n-u', unreachable))
      bridge.emit('owner.notified', kept('n-u', unreachable, 2))
    })
    expect(await within(region).findByText('Plex Media Server unreachable (2 times)')).toBeTruthy()
    act(() => {
      for (const host of ['a.example', 'b.example', 'c.example']) {
        bridge.emit(
          'owner.notified',
          kept(`n-${host}`, { kind: 'newDestination', host, category: 'analytics' }),
        )
      }
    })
    const bodies = within(region)
      .getAllByRole('article')
      .map(article => within(article).getByRole('paragraph').textContent)
    expect(bodies).toEqual([
      'Your server contacted c.example (analytics) for the first time.',
      'Your server contacted b.example (analytics) for the first time.',
      'Your server contacted a.example (analytics) for the first time.',
    ])
    // Dismissing one brings the next kept notice into view.
    fireEvent.click(within(region).getAllByRole('button', { name: 'Dismiss' })[0] as HTMLElement)
    expect(await within(region).findByText('Plex Media Server unreachable (2 times)')).toBeTruthy()
  })
})

describe('a connect the dashboard did not ask for', () => {
  it('shows the address the core reaches the server at now', async () => {
    const bridge = await renderApp()
    expect(await screen.findByText('http://127.0.0.1:32400')).toBeTruthy()
    bridge.server.url = 'http://203.0.113.45:32400'
    act(() => bridge.emit('server.checked', { reachable: true, message: null }))
    expect(await screen.findByText('http://203.0.113.45:32400')).toBeTruthy()
    expect(screen.queryByText('http://127.0.0.1:32400')).toBeNull()
  })
})
