import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../testing/render-app'

describe('the Verify screen', () => {
  it('shows the verdict for each switch that is off', async () => {
    const bridge = await renderApp()
    fireEvent.click(screen.getByRole('link', { name: 'Verify' }))
    const card = await screen.findByRole('article', { name: 'Crash reports' })
    expect(within(card).getByText('Verified')).toBeTruthy()
    expect(within(card).getByText('0 events since')).toBeTruthy()
    expect(bridge.calls.some(call => call.method === 'verify.run')).toBe(true)
  })
})
