import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../testing/render-app'

describe('the Settings screen', () => {
  it('switches the whole dashboard to Simplified Chinese through the core', async () => {
    const bridge = await renderApp()
    fireEvent.click(screen.getByRole('link', { name: 'Settings' }))
    fireEvent.click(await screen.findByRole('radio', { name: '简体中文' }))
    expect(await screen.findByRole('link', { name: '开关' })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 1, name: '设置' })).toBeTruthy()
    expect(bridge.calls).toContainEqual({ method: 'settings.update', input: { language: 'zh' } })
  })

  it('applies theme, high contrast and colour-blind-safe choices to the page', async () => {
    await renderApp()
    fireEvent.click(screen.getByRole('link', { name: 'Settings' }))
    fireEvent.click(await screen.findByRole('radio', { name: 'Dark' }))
    fireEvent.click(screen.getByRole('checkbox', { name: 'High contrast' }))
    fireEvent.click(screen.getByRole('checkbox', { name: 'Colour-blind-safe colours' }))
    const root = document.documentElement
    expect(root.dataset.theme).toBe('dark')
    expect(root.dataset.contrast).toBe('high')
    expect(root.dataset.palette).toBe('cbs')
  })

  it('lists the known servers', async () => {
    await renderApp()
    fireEvent.click(screen.getByRole('link', { name: 'Settings' }))
    const servers = await screen.findByRole('region', { name: 'Servers' })
    expect(await within(servers).findByText('http://127.0.0.1:32400')).toBeTruthy()
    expect(within(servers).getByText('Living room')).toBeTruthy()
  })
})
