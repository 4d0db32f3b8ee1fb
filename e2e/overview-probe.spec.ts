import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  asOverviewSnapshot,
  isLiveOverview,
  overviewProbeScript,
  type OverviewSnapshot,
} from '../electron/main/smoke/overview-probe'
import { launchBrowser, type TestBrowser } from './support/browser'
import { startHushServe, type HushServe } from './support/hush-serve'

// The desktop smoke run reads the window with overviewProbeScript; Electron cannot run here, so the
// same script runs against the same renderer in Chromium, served by `hush serve --demo`.
let serve: HushServe
let browser: TestBrowser
let page: Page

beforeAll(async () => {
  serve = await startHushServe({ demo: true })
  browser = await launchBrowser()
  page = await browser.context.newPage()
})

afterAll(async () => {
  await browser?.close()
  await serve?.stop()
})

/** What the smoke run's probe sees in the page now. */
async function probe(): Promise<OverviewSnapshot> {
  return asOverviewSnapshot(await page.evaluate(overviewProbeScript))
}

describe('the desktop smoke run’s view of the dashboard', () => {
  it('sees the Overview with live switch values once the demo server answers', async () => {
    await page.goto(serve.url)
    await expect.poll(async () => isLiveOverview(await probe()), { timeout: 60_000 }).toBe(true)
    const snapshot = await probe()
    expect(snapshot.screen).toBe('#/overview')
    expect(snapshot.badges).toBeGreaterThan(0)
  })

  it('does not take another screen for the Overview', async () => {
    await page.getByRole('link', { name: 'Switches' }).click()
    await page.getByRole('heading', { level: 1, name: 'Switches' }).waitFor()
    const snapshot = await probe()
    expect(snapshot.screen).toBe('#/switches')
    expect(isLiveOverview(snapshot)).toBe(false)
  })
})
