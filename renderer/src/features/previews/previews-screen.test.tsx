import { fireEvent, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../testing/render-app'

describe('the Previews screen', () => {
  it('shows what a metadata refresh would send per item, then the other previews by tab', async () => {
    await renderApp()
    fireEvent.click(screen.getByRole('link', { name: 'Previews' }))
    expect(await screen.findByText('/media/movies/Heat (1995)/Heat.mkv')).toBeTruthy()
    expect(screen.getByText('title=Heat · year=1995')).toBeTruthy()

    fireEvent.click(screen.getByRole('tab', { name: 'Remote access' }))
    expect(await screen.findByText('203.0.113.7:32400')).toBeTruthy()

    fireEvent.keyDown(screen.getByRole('tab', { name: 'Remote access' }), { key: 'ArrowRight' })
    expect(await screen.findByText('Crash Reports/1.41.0/a.dmp')).toBeTruthy()

    fireEvent.click(screen.getByRole('tab', { name: 'Account' }))
    expect(await screen.findByText(/plex\.tv cannot be reached/)).toBeTruthy()
  })
})

describe('the crash-reports preview', () => {
  it('deletes pending dumps only after the owner confirms', async () => {
    const bridge = await renderApp()
    fireEvent.click(screen.getByRole('link', { name: 'Previews' }))
    fireEvent.click(await screen.findByRole('tab', { name: 'Crash reports' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Delete pending dumps' }))
    expect(bridge.calls.some(call => call.method === 'preview.deleteCrashDumps')).toBe(false)
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }))
    expect(await screen.findByText('Deleted 1 crash dump.')).toBeTruthy()
    expect(bridge.calls).toContainEqual({
      method: 'preview.deleteCrashDumps',
      input: { paths: ['Crash Reports/1.41.0/a.dmp'] },
    })
  })
})
