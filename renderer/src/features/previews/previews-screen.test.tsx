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
