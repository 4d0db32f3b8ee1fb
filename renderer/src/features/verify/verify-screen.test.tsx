import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../testing/render-app'

describe('the Verify screen', () => {
  it('shows the verdict for each switch that is off', async () => {
    const bridge = await renderApp()
    fireEvent.click(screen.getByRole('link', { name: 'Verify' }))
    const card = await screen.findByRole('article', { name: 'Crash reports' })
    expect(within(card).getByText('Verified')).toBeTruthy()
    expect(
      within(card).getByText(
        'Nothing it stops was sent in 1 h 59 min of debug log since it went off.',
      ),
    ).toBeTruthy()
    expect(within(card).getByText(/the server logged the change/)).toBeTruthy()
    expect(bridge.calls.some(call => call.method === 'verify.run')).toBe(true)
  })

  it('names the traffic that flows whatever the switches say, and why no switch stops it', async () => {
    await renderApp()
    fireEvent.click(screen.getByRole('link', { name: 'Verify' }))
    const section = await screen.findByRole('region', { name: 'Still flows, whatever you choose' })
    expect(within(section).getByText('Server registration')).toBeTruthy()
    expect(within(section).getByText('6 requests in the log')).toBeTruthy()
    expect(within(section).getByText(/only signing the server out stops it/)).toBeTruthy()
  })
})
