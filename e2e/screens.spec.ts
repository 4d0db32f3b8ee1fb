import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from './support/axe'
import { launchBrowser, type TestBrowser } from './support/browser'
import { repoRoot, startHushServe, type HushServe } from './support/hush-serve'

const screens = ['overview', 'switches', 'log', 'previews', 'verify', 'settings'] as const
// The committed screenshots are refreshed only on request (HUSH_UPDATE_SCREENSHOTS=1), so that a test
// run leaves the work tree as it was; otherwise they go to test-results/ to look at.
const shots =
  process.env.HUSH_UPDATE_SCREENSHOTS === '1'
    ? join(repoRoot, 'docs', 'screenshots')
    : join(repoRoot, 'test-results', 'screenshots')

let serve: HushServe
let browser: TestBrowser
let page: Page
const cspViolations: string[] = []
const pageErrors: string[] = []

beforeAll(async () => {
  await mkdir(shots, { recursive: true })
  serve = await startHushServe({ demo: true })
  browser = await launchBrowser()
  page = await browser.context.newPage()
  await page.setViewportSize({ width: 1280, height: 1000 })
  page.on('pageerror', error => pageErrors.push(error.message))
  page.on('console', message => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      cspViolations.push(message.text())
    }
  })
  await page.goto(serve.url)
  await page.getByRole('navigation', { name: 'Screens' }).waitFor()
})

afterAll(async () => {
  await browser?.close()
  await serve?.stop()
})

/** Opens a screen by its navigation link and waits until its data is on screen. */
async function open(screen: (typeof screens)[number]): Promise<void> {
  await page.locator(`nav a[href="#/${screen}"]`).click()
  await page.locator('h1[tabindex="-1"]').waitFor()
  const ready: Record<(typeof screens)[number], string> = {
    overview: '.flow-card',
    switches: '[role="switch"]',
    log: '[role="grid"] [role="gridcell"]',
    previews: '[role="tabpanel"] .card',
    verify: '.page .card, .page .empty',
    settings: '.server-list li',
  }
  await page.locator(ready[screen]).first().waitFor({ timeout: 30_000 })
  // Let pending pages of rows and counts arrive before the picture is taken.
  // (Polled from here: the page's CSP rightly forbids the eval a page-side wait would need.)
  const loading = page.locator('main').getByText(/Loading…|正在加载…/)
  await expect.poll(() => loading.count(), { timeout: 30_000 }).toBe(0)
}

describe('every screen in Chromium, in both languages', () => {
  it('keeps the launch token out of the page and the address bar', async () => {
    const token = new URL(serve.url).hash.replace('#token=', '')
    expect(page.url()).not.toContain(token)
    expect(await page.content()).not.toContain(token)
  })

  for (const language of ['en', 'zh'] as const) {
    it(`shows every screen in ${language} with no serious accessibility violation`, async () => {
      if (language === 'zh') {
        await open('settings')
        await page.getByRole('radio', { name: '简体中文' }).check()
        await page.getByRole('link', { name: '概览' }).waitFor()
      }
      for (const screen of screens) {
        await open(screen)
        if (screen === 'overview') {
          // The demo's relay helper connects within seconds of the start: show it open.
          await expect
            .poll(() => page.getByTestId('relay-line').textContent(), { timeout: 30_000 })
            .toMatch(/^(Relay: open since|中继：自)/)
        }
        await page.screenshot({ path: join(shots, `${screen}-${language}.png`) })
        const violations = await seriousViolations(page)
        expect({ screen, language, violations }).toEqual({ screen, language, violations: [] })
      }
    })
  }

  it('shows the first-run screen, which also passes the scan', async () => {
    await open('settings')
    await page.getByRole('button', { name: '添加服务器' }).click()
    await page.getByRole('heading', { name: '欢迎使用 Hush' }).waitFor()
    await page.screenshot({ path: join(shots, 'first-run-zh.png') })
    await page.getByLabel('语言').selectOption('en')
    await page.getByRole('heading', { name: 'Welcome to Hush' }).waitFor()
    await page.screenshot({ path: join(shots, 'first-run-en.png') })
    expect(await seriousViolations(page)).toEqual([])
  })

  it('keeps dark, high-contrast and colour-blind-safe themes free of serious violations', async () => {
    await page.getByRole('button', { name: 'Back to the dashboard' }).click()
    await open('settings')
    await page.getByRole('radio', { name: 'Dark' }).check()
    for (const screen of ['overview', 'log'] as const) {
      await open(screen)
      await page.screenshot({ path: join(shots, `${screen}-dark-en.png`) })
      expect({ screen, violations: await seriousViolations(page) }).toEqual({
        screen,
        violations: [],
      })
    }
    await open('settings')
    await page.getByRole('checkbox', { name: 'High contrast' }).check()
    await page.getByRole('checkbox', { name: 'Colour-blind-safe colours' }).check()
    await open('switches')
    await page.screenshot({ path: join(shots, 'switches-high-contrast-en.png') })
    expect(await seriousViolations(page)).toEqual([])
  })

  it('ran under the strict CSP with no violation and no page error', () => {
    expect(cspViolations).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
