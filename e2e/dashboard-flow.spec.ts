import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { switchCatalog } from '../electron/common/switches/catalog'
import { launchBrowser, type TestBrowser } from './support/browser'
import { startHushServe, type HushServe } from './support/hush-serve'

let serve: HushServe
let browser: TestBrowser
let page: Page

beforeAll(async () => {
  serve = await startHushServe({ demo: false })
  browser = await launchBrowser()
  page = await browser.context.newPage()
})

afterAll(async () => {
  await browser?.close()
  await serve?.stop()
})

/** The lockdown value of every switch the demo server has, read from the switches screen. */
async function switchStates(): Promise<Record<string, string>> {
  const switches = page.getByRole('main').getByRole('switch')
  const states: Record<string, string> = {}
  for (const control of await switches.all()) {
    const name = (await control.getAttribute('aria-label')) ?? ''
    states[name] = `${await control.getAttribute('aria-checked')}/${await control.isDisabled()}`
  }
  return states
}

describe('the dashboard in Chromium against hush serve', () => {
  it('signs in with the printed address and removes the token from the address bar', async () => {
    await page.goto(serve.url)
    await page.getByRole('heading', { name: 'Welcome to Hush' }).waitFor()
    expect(page.url()).not.toContain('token=')
  })

  it('starts on the first run and connects to the demo server', async () => {
    await page.getByRole('button', { name: 'Try the demo server' }).click()
    await page.getByRole('navigation', { name: 'Screens' }).waitFor()
    await page.getByRole('heading', { name: /Something flows/ }).waitFor()
  })

  it('previews lockdown, applies it, and the switches show it; Undo brings back every value', async () => {
    await page.getByRole('link', { name: 'Switches' }).click()
    await page.getByRole('heading', { level: 1, name: 'Switches' }).waitFor()
    await page.getByRole('switch').first().waitFor()
    const before = await switchStates()

    await page.getByRole('radio', { name: /Lockdown/ }).check()
    const plan = page.getByRole('region', { name: /Changes for “Lockdown”/ })
    await plan.getByRole('cell').first().waitFor()
    expect(await plan.getByRole('row').count()).toBeGreaterThan(3)
    await plan.getByRole('button', { name: 'Apply' }).click()
    await plan.waitFor({ state: 'detached', timeout: 60_000 })

    const after = await switchStates()
    const turnedOff = switchCatalog
      .filter(entry => entry.profiles.lockdown === 'off')
      .map(entry => entry.title.en)
    const usable = Object.entries(after).filter(([, state]) => state.endsWith('/false'))
    expect(usable.length).toBeGreaterThan(5)
    for (const [name, state] of usable.filter(([name]) => turnedOff.includes(name))) {
      expect(`${name}: ${state}`).toBe(`${name}: false/false`)
    }

    await page.getByRole('main').getByRole('button', { name: 'Undo' }).click()
    await expect.poll(switchStates, { timeout: 60_000 }).toEqual(before)
  })

  it('searches the outbound log', async () => {
    await page.getByRole('link', { name: 'Outbound log' }).click()
    const grid = page.getByRole('grid', { name: 'Outbound log' })
    await grid.getByRole('row').nth(1).waitFor()
    await page.getByRole('searchbox', { name: 'Search' }).fill('plex.tv')
    await expect
      .poll(async () => (await grid.getByRole('gridcell').allTextContents()).join(' '), {
        timeout: 30_000,
      })
      .toContain('plex.tv')
    const hosts = await grid
      .locator('[role="row"] [role="gridcell"]:nth-child(3)')
      .allTextContents()
    expect(hosts.length).toBeGreaterThan(0)
    // The live tail may redraw the list under the click: pick a row until its detail shows.
    await vi.waitFor(
      async () => {
        await grid.getByRole('row').nth(1).click()
        await page
          .getByRole('complementary', { name: 'Event detail' })
          .getByText('Address (redacted)')
          .waitFor({ timeout: 3_000 })
      },
      { timeout: 30_000, interval: 200 },
    )
  })

  it('opens a preview of what metadata matching would send', async () => {
    await page.getByRole('link', { name: 'Previews' }).click()
    await page.getByRole('tab', { name: 'Metadata matching', selected: true }).waitFor()
    await page.getByRole('tabpanel').getByRole('table').first().waitFor()
    await page.getByRole('tab', { name: 'Remote access' }).click()
    await page.getByRole('tabpanel').getByText('Relay enabled').waitFor()
  })
})
