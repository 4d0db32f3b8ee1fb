import { act, fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { showNotice } from '../../../electron/common/notices/notice-texts'
import { renderApp } from '../testing/render-app'

const moved = showNotice(
  {
    kind: 'connectionChanged',
    server: 'Attic NAS',
    from: '192.168.1.20:32400',
    to: '203.0.113.45:32400',
    via: 'remote',
    why: 'lost',
  },
  'en',
)

describe('what Hush tells the owner of its own accord', () => {
  it('shows a notice the core pushed, with its title and body, until dismissed', async () => {
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
    expect(within(region).queryByRole('article')).toBeNull()
  })

  it('counts the same notice again instead of stacking it, and keeps the newest three', async () => {
    const bridge = await renderApp()
    const region = await screen.findByRole('region', { name: 'What Hush told you' })
    const unreachable = showNotice({ kind: 'serverUnreachable', reason: 'refused' }, 'en')
    act(() => {
      bridge.emit('owner.notified', unreachable)
      bridge.emit('owner.notified', unreachable)
    })
    expect(await within(region).findByText('Plex Media Server unreachable (2 times)')).toBeTruthy()
    act(() => {
      for (const host of ['a.example', 'b.example', 'c.example']) {
        bridge.emit(
          'owner.notified',
          showNotice({ kind: 'newDestination', host, category: 'analytics' }, 'en'),
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
