import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, type TestBrowser } from './support/browser'
import { startHushServe, type HushServe } from './support/hush-serve'

let serve: HushServe
let browser: TestBrowser
let page: Page

beforeAll(async () => {
  serve = await startHushServe({ demo: true })
  browser = await launchBrowser()
  page = await browser.context.newPage()
  await page.goto(serve.url)
  await page.getByRole('navigation', { name: 'Screens' }).waitFor()
})

afterAll(async () => {
  await browser?.close()
  await serve?.stop()
})

/** What the focused element is called: its label, or its text. */
async function focusedName(): Promise<string> {
  return await page.evaluate<string>(
    `(() => {
      const e = document.activeElement
      return (e?.getAttribute('aria-label') || e?.labels?.[0]?.textContent || e?.textContent || '').trim()
    })()`,
  )
}

/** Presses Tab until the focused element's name matches, as a keyboard user would. */
async function tabTo(name: RegExp, limit = 200): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab')
    if (name.test(await focusedName())) {
      return
    }
  }
  throw new Error(`Tab never reached ${name}; last focus: ${await focusedName()}`)
}

describe('the dashboard from the keyboard alone', () => {
  it('opens Switches, picks Lockdown, reviews the plan and applies it', async () => {
    await tabTo(/^Switches$/)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Switches' }).waitFor()
    await page.getByRole('switch').first().waitFor()

    await tabTo(/Plex defaults/)
    await page.keyboard.press('Space')
    for (let step = 0; step < 3; step++) {
      await page.keyboard.press('ArrowDown')
    }
    expect(await page.getByRole('radio', { name: /Lockdown/ }).isChecked()).toBe(true)
    const plan = page.getByRole('region', { name: /Changes for “Lockdown”/ })
    await plan.getByRole('cell').first().waitFor()

    await tabTo(/^Apply$/)
    await page.keyboard.press('Enter')
    await plan.waitFor({ state: 'detached', timeout: 60_000 })
    expect(
      await page.getByRole('switch', { name: 'Crash reports' }).getAttribute('aria-checked'),
    ).toBe('false')
  })

  it('undoes it from the keyboard', async () => {
    await tabTo(/^Undo$/)
    await page.keyboard.press('Enter')
    await expect
      .poll(
        () => page.getByRole('switch', { name: 'Crash reports' }).getAttribute('aria-checked'),
        {
          timeout: 60_000,
        },
      )
      .toBe('true')
  })
})
