import { fireEvent, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../testing/render-app'

describe('the first run', () => {
  it('connects to the demo server and opens the dashboard', async () => {
    const bridge = await renderApp({ connected: false })
    fireEvent.click(screen.getByRole('button', { name: 'Try the demo server' }))
    expect(await screen.findByRole('navigation', { name: 'Screens' })).toBeTruthy()
    expect(bridge.calls.some(call => call.method === 'server.connectDemo')).toBe(true)
  })

  it('finds the local server and connects to it', async () => {
    const bridge = await renderApp({ connected: false })
    fireEvent.click(screen.getByRole('button', { name: 'Find the server on this computer' }))
    expect(await screen.findByText('Found Living room')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Connect to this server' }))
    await screen.findByRole('navigation', { name: 'Screens' })
    expect(bridge.calls.some(call => call.method === 'server.connectLocal')).toBe(true)
  })

  it('says why a connection by address failed, and stays on the first run', async () => {
    await renderApp({
      connected: false,
      overrides: {
        'server.connect': () => ({
          ok: false,
          error: { kind: 'unauthorized', message: 'The server refused this token.' },
        }),
      },
    })
    fireEvent.change(screen.getByLabelText('Token'), { target: { value: 'wrong' } })
    fireEvent.submit(screen.getByLabelText('Token').closest('form')!)
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'The server refused this token.',
    )
  })
})
