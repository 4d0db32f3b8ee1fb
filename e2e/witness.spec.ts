import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from './support/axe'
import { launchBrowser, type TestBrowser } from './support/browser'
import { repoRoot, startHushServe, type HushServe } from './support/hush-serve'

// The committed screenshots are refreshed only on request (HUSH_UPDATE_SCREENSHOTS=1).
const shots =
  process.env.HUSH_UPDATE_SCREENSHOTS === '1'
    ? join(repoRoot, 'docs', 'screenshots')
    : join(repoRoot, 'test-results', 'screenshots')

let serve: HushServe
let browser: TestBrowser
let page: Page
const pageErrors: string[] = []

beforeAll(async () => {
  await mkdir(shots, { recursive: true })
  // `hush serve --demo`: the demo's helper processes make real connections for the witness.
  serve = await startHushServe({ demo: true })
  browser = await launchBrowser()
  page = await browser.context.newPage()
  await page.setViewportSize({ width: 1280, height: 1000 })
  page.on('pageerror', error => pageErrors.push(error.message))
  await page.goto(serve.url)
  await page.getByRole('navigation', { name: 'Screens' }).waitFor()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await serve?.stop()
})

async function open(screen: 'overview' | 'log' | 'verify' | 'settings'): Promise<void> {
  await page.locator(`nav a[href="#/${screen}"]`).click()
  await page.locator('h1[tabindex="-1"]').waitFor()
}

describe('the second witness in Chromium, on the demo with real connections', () => {
  for (const language of ['en', 'zh'] as const) {
    it(`shows the live relay, the log's connections and a verdict citing both witnesses (${language})`, async () => {
      const words =
        language === 'en'
          ? {
              open: /^Relay: open since \d\d:\d\d, .+ ↑ .+ ↓ — sampled every 2 s$/,
              closed: /^No relay connection since \d\d:\d\d — sampled every 2 s$/,
              network: 'Connections',
              run: 'Run verification',
              cite: /Log: cannot show this flow; connections: none since \d\d:\d\d\./,
              rests: 'Connections of Plex Relay',
              chart: /^Of these, 0 from the server’s log and [1-9][\d,]* connections?/,
            }
          : {
              open: /^中继：自 \d\d:\d\d 起连接中，.+ ↑ .+ ↓ — 每 2 秒采样一次$/,
              closed: /^自 \d\d:\d\d 起没有中继连接 — 每 2 秒采样一次$/,
              network: '连接',
              run: '开始验证',
              cite: /日志：看不到这类流量；连接：\d\d:\d\d 以来没有。/,
              rests: 'Plex Relay 的连接',
              chart: /^其中 0 条来自服务器日志，[1-9][\d,]* 个是系统显示的连接/,
            }
      if (language === 'zh') {
        await open('settings')
        await page.getByRole('radio', { name: '简体中文' }).check()
        await page.getByRole('link', { name: '概览' }).waitFor()
        // Relay back on: the English run turned it off.
        await open('overview')
        const relaySwitch = page.getByRole('switch', { name: '中继' })
        if ((await relaySwitch.getAttribute('aria-checked')) === 'false') {
          await relaySwitch.click()
          // The change's notice would cover the pictures: wait for it, then close it.
          await expect
            .poll(() => relaySwitch.getAttribute('aria-checked'), { timeout: 30_000 })
            .toBe('true')
          const dismiss = page.getByRole('button', { name: '关闭提示' })
          await dismiss.first().waitFor()
          await page.waitForTimeout(1_000)
          while ((await dismiss.count()) > 0) {
            await dismiss.first().click()
          }
        }
      }
      await open('overview')
      const card = page.getByTestId('relay-card')
      await expect
        .poll(() => card.getByTestId('relay-line').textContent(), { timeout: 30_000 })
        .toMatch(words.open)
      await card.scrollIntoViewIfNeeded()
      await card.screenshot({ path: join(shots, `witness-overview-${language}.png`) })
      expect(await seriousViolations(page)).toEqual([])

      await open('log')
      await page.getByTestId('witness-filter').selectOption('network')
      const row = page.locator('[role="grid"] [role="row"]').filter({ hasText: 'TCP' }).first()
      await row.waitFor({ timeout: 30_000 })
      // The per-day chart counts each witness apart: with the filter, only connections.
      await expect
        .poll(() => page.getByTestId('chart-witnesses').textContent(), { timeout: 10_000 })
        .toMatch(words.chart)
      await row.click()
      await expect
        .poll(() => page.locator('.log-detail').textContent(), { timeout: 10_000 })
        .toContain('Plex')
      await page.screenshot({ path: join(shots, `witness-log-${language}.png`) })

      // The relay off: the witness sees its connection close, and Verify cites both witnesses.
      await open('overview')
      const relaySwitch = page.getByRole('switch', { name: language === 'en' ? 'Relay' : '中继' })
      await relaySwitch.click()
      await expect
        .poll(() => card.getByTestId('relay-line').textContent(), { timeout: 30_000 })
        .toMatch(words.closed)
      await open('verify')
      await page.getByRole('button', { name: words.run }).click()
      const verdict = page.getByTestId('witnesses-relay')
      await verdict.waitFor({ timeout: 30_000 })
      const relayCard = page.locator('article.card').filter({ has: verdict })
      expect(await relayCard.textContent()).toMatch(words.cite)
      expect(await relayCard.textContent()).toContain(words.rests)
      await relayCard.scrollIntoViewIfNeeded()
      await relayCard.screenshot({ path: join(shots, `witness-verify-${language}.png`) })
      expect(await seriousViolations(page)).toEqual([])
    }, 120_000)
  }

  it('ran with no page error', () => {
    expect(pageErrors).toEqual([])
  })
})
