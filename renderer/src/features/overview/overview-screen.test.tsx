import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../testing/render-app'

describe('the Overview screen', () => {
  it('says in one line that something flows, and how many switches are on', async () => {
    await renderApp()
    expect(
      await screen.findByRole('heading', { name: 'Something flows: 2 switches are on' }),
    ).toBeTruthy()
  })

  it('shows each flow as a card with what, to whom, why, the policy item, what breaks and evidence', async () => {
    await renderApp({ logEvents: 50 })
    const card = await screen.findByRole('article', { name: 'Relay' })
    expect(within(card).getByText('Relay data')).toBeTruthy()
    expect(
      within(card).getByText('Privacy Policy 2020, Information we collect, item 3'),
    ).toBeTruthy()
    expect(within(card).getByText('Relay stops')).toBeTruthy()
    expect(await within(card).findByText(/relay\.plex\.tv/)).toBeTruthy()
  })

  it('says whether the relay is open now, since when, with its bytes, as the connection witness sees it', async () => {
    await renderApp()
    const card = await screen.findByRole('article', { name: 'Relay and crash reports, live' })
    expect(
      within(card).getByText(
        /^Relay: open since \d\d:\d\d, 1\.1 MB ↑ 3\.2 MB ↓ — sampled every 2 s$/,
      ),
    ).toBeTruthy()
    expect(within(card).getByText('No crash-report upload seen.')).toBeTruthy()
    expect(
      within(card).getByText('A connection shorter than 2 s can be missed between two samples.'),
    ).toBeTruthy()
  })

  it('turns a flow off from its card and then says everything is private', async () => {
    await renderApp()
    fireEvent.click(await screen.findByRole('switch', { name: 'Relay' }))
    await waitFor(() =>
      expect(screen.getByRole('switch', { name: 'Relay' }).getAttribute('aria-checked')).toBe(
        'false',
      ),
    )
    fireEvent.click(screen.getByRole('switch', { name: 'Metadata matching' }))
    expect(await screen.findByRole('heading', { name: 'Everything private' })).toBeTruthy()
  })

  it('says the server is unreachable when a check fails', async () => {
    const bridge = await renderApp()
    bridge.emit('server.checked', { reachable: false, message: 'The server did not answer.' })
    expect(await screen.findByRole('heading', { name: 'Server unreachable' })).toBeTruthy()
    expect(screen.getByText('The server did not answer.')).toBeTruthy()
  })

  it('opens on "Server unreachable" with the reason when the server does not answer at start', async () => {
    await renderApp({
      overrides: {
        'switches.status': () => ({
          ok: false,
          error: { kind: 'unreachable', message: 'Nothing answers at http://127.0.0.1:32400.' },
        }),
      },
    })
    expect(await screen.findByRole('heading', { name: 'Server unreachable' })).toBeTruthy()
    expect(
      screen.getAllByText('Nothing answers at http://127.0.0.1:32400.').length,
    ).toBeGreaterThan(0)
  })

  it('leads from the banner to a preview of the Private profile, without applying it', async () => {
    const bridge = await renderApp()
    fireEvent.click(await screen.findByRole('button', { name: 'Preview the Private profile' }))
    expect(await screen.findByRole('region', { name: 'Changes for “Private”' })).toBeTruthy()
    expect(bridge.calls.some(call => call.method === 'switches.apply')).toBe(false)
  })
})
