import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../testing/render-app'

async function openSwitches() {
  fireEvent.click(screen.getByRole('link', { name: 'Switches' }))
  await screen.findByRole('heading', { level: 1, name: 'Switches' })
}

describe('the Switches screen', () => {
  it('shows each switch as a control named by its title, with its live state', async () => {
    await renderApp()
    await openSwitches()
    const relay = await screen.findByRole('switch', { name: 'Relay' })
    expect(relay.getAttribute('aria-checked')).toBe('true')
    expect(screen.getByRole('switch', { name: 'Crash reports' }).getAttribute('aria-checked')).toBe(
      'false',
    )
    expect(screen.getByRole('heading', { name: 'Metadata for your media' })).toBeTruthy()
  })

  it('previews a profile as before → after steps and applies it only on Apply', async () => {
    const bridge = await renderApp()
    await openSwitches()
    fireEvent.click(screen.getByRole('radio', { name: /Lockdown/ }))
    const plan = await screen.findByRole('region', { name: 'Changes for “Lockdown”' })
    await within(plan).findByText('relay', { selector: 'td' })
    expect(within(plan).getByText('What stops working')).toBeTruthy()
    expect(bridge.calls.some(call => call.method === 'switches.apply')).toBe(false)

    fireEvent.click(within(plan).getByRole('button', { name: 'Apply' }))
    await waitFor(() =>
      expect(screen.getByRole('switch', { name: 'Relay' }).getAttribute('aria-checked')).toBe(
        'false',
      ),
    )
    expect(
      screen.getByRole('switch', { name: 'Metadata matching' }).getAttribute('aria-checked'),
    ).toBe('false')
    expect(screen.queryByRole('region', { name: /Changes for/ })).toBeNull()
  })

  it('undoes the last change', async () => {
    await renderApp()
    await openSwitches()
    fireEvent.click(await screen.findByRole('switch', { name: 'Relay' }))
    await waitFor(() =>
      expect(screen.getByRole('switch', { name: 'Relay' }).getAttribute('aria-checked')).toBe(
        'false',
      ),
    )
    fireEvent.click(screen.getAllByRole('button', { name: 'Undo' })[0]!)
    await waitFor(() =>
      expect(screen.getByRole('switch', { name: 'Relay' }).getAttribute('aria-checked')).toBe(
        'true',
      ),
    )
  })

  it('shows an unavailable switch as such, with the reason, and does not let it be toggled', async () => {
    await renderApp({
      switches: [
        { id: 'metadata-matching', state: 'on' },
        { id: 'relay', state: 'unavailable' },
        { id: 'crash-reports', state: 'off' },
      ],
    })
    await openSwitches()
    const relay = await screen.findByRole('switch', { name: 'Relay' })
    expect((relay as HTMLButtonElement).disabled).toBe(true)
    expect(screen.getByText(/This server version has no such setting/)).toBeTruthy()
  })
})
