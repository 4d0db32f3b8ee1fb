import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoServer, type DemoServer } from '../electron/demo/start-demo-server'
import { launchBrowser, type TestBrowser } from './support/browser'
import { repoRoot, startHushServe, type HushServe } from './support/hush-serve'

// A server on another machine: the demo stands in for it and for plex.tv. `hush serve` is told
// only the account address — never the server's data folder, so what it shows of the server's log
// came through `GET /diagnostics/logs`.
const shots =
  process.env.HUSH_UPDATE_SCREENSHOTS === '1'
    ? join(repoRoot, 'docs', 'screenshots')
    : join(repoRoot, 'test-results', 'screenshots')

let demoDir: string
let demo: DemoServer
let serve: HushServe
let browser: TestBrowser
let page: Page
const pageErrors: string[] = []

beforeAll(async () => {
  demoDir = await mkdtemp(join(tmpdir(), 'hush-e2e-remote-'))
  demo = await startDemoServer({ dataDir: demoDir, seed: 3, backfillHours: 2 })
  // The owner's computer starts at home: the server's LAN address answers, and plex.tv lists it first.
  await demo.faults.network('home')
  serve = await startHushServe({ demo: false, env: { HUSH_ACCOUNT_URL: demo.url } })
  browser = await launchBrowser()
  page = await browser.context.newPage()
  await page.setViewportSize({ width: 1280, height: 1000 })
  page.on('pageerror', error => pageErrors.push(error.message))
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await serve?.stop()
  await demo?.close()
  await rm(demoDir, { recursive: true, force: true })
})

describe('a server on another machine, in Chromium against hush serve', () => {
  it('signs in with Plex through the PIN the owner allows on the auth page', async () => {
    await page.goto(serve.url)
    const card = page.getByRole('region', { name: 'Your servers on plex.tv' })
    await card.getByRole('button', { name: 'Sign in with Plex' }).click()
    const open = card.getByRole('link', { name: 'Open plex.tv to allow Hush' })
    const link = (await open.getAttribute('href')) ?? ''
    expect(link.startsWith(`${demo.url}/auth#?`)).toBe(true)
    // The owner allows Hush in their browser, on the account's page.
    const auth = await browser.context.newPage()
    await auth.goto(link)
    await auth.getByRole('button', { name: 'Allow' }).click()
    await auth.getByText('Hush may now use your account').waitFor()
    await auth.close()
    await card.getByRole('list', { name: 'Your servers on plex.tv' }).waitFor({ timeout: 20_000 })
  })

  it('lists the server past its dead first address, and picks it', async () => {
    const list = page.getByRole('list', { name: 'Your servers on plex.tv' })
    await list.getByText(`via ${demo.lanUrl() ?? ''}`).waitFor()
    await list.getByText('local: 1 address before it did not answer or were not allowed').waitFor()
    await page.screenshot({ path: join(shots, 'server-picker-en.png') })
    await list.getByRole('button', { name: 'Use: hush-demo' }).click()
    await page.getByRole('navigation', { name: 'Screens' }).waitFor({ timeout: 30_000 })
  })

  it('shows the outbound log pulled through /diagnostics/logs, and where it came from', async () => {
    await page.getByRole('link', { name: 'Outbound log' }).click()
    await page.getByText(/Pulled from hush-demo every 5 min\./).waitFor({ timeout: 30_000 })
    // The first pull ran when the server was picked; one more, on demand, reloads the rows.
    await page.getByRole('button', { name: 'Pull now' }).click()
    await page
      .getByText(/Pulled from hush-demo every 5 min\. Last pull .*: [\d,]+ new events\./)
      .waitFor({ timeout: 30_000 })
    const grid = page.getByRole('grid', { name: 'Outbound log' })
    await grid.getByRole('gridcell').first().waitFor({ timeout: 30_000 })
    await expect.poll(() => grid.getByRole('row').count(), { timeout: 30_000 }).toBeGreaterThan(5)
  })

  it('verifies from the pulled logs, with no data folder of the server', async () => {
    await page.getByRole('link', { name: 'Verify' }).click()
    await page.getByRole('button', { name: 'Run verification' }).click()
    // Judged on the server's log, as pulled: its span is named, and verdicts are drawn from it.
    await page.getByText(/^Server log from .+ to .+\./).waitFor({ timeout: 30_000 })
    await page.getByText(/^Verified: [1-9]\d*$/).waitFor()
    expect(pageErrors).toEqual([])
  })

  it('follows the server to its public address when the laptop leaves home, and says so', async () => {
    await demo.faults.network('away')
    await page.getByRole('link', { name: 'Outbound log' }).click()
    await page.getByRole('button', { name: 'Pull now' }).click()
    const notices = page.getByRole('region', { name: 'What Hush told you' })
    const notice = notices.getByRole('article', { name: 'Hush reaches hush-demo another way' })
    await notice.waitFor({ timeout: 30_000 })
    const lan = new URL(demo.lanUrl() ?? '').host
    const outside = new URL(demo.url).host
    await notice
      .getByText(
        `hush-demo no longer answered at ${lan}; Hush now reaches it at ${outside}, by Remote Access, from outside your network.`,
      )
      .waitFor()
    // The pull that found it gone went on at the new address.
    await page
      .getByText(/Pulled from hush-demo every 5 min\. Last pull .*: [\d,]+ new events\./)
      .waitFor({ timeout: 30_000 })
    // The sidebar names the address the server answers at now.
    await page.getByText(demo.url, { exact: true }).waitFor()
    await expect
      .poll(() => page.getByRole('grid', { name: 'Outbound log' }).getByText('Loading…').count())
      .toBe(0)
    await page.screenshot({ path: join(shots, 'connection-moved-en.png') })
    // The core keeps it: a dashboard opened later still shows it, until it is dismissed.
    await page.reload()
    await notice.waitFor({ timeout: 30_000 })
    await notice.getByRole('button', { name: 'Dismiss' }).click()
    await notice.waitFor({ state: 'detached' })
    await page.reload()
    // The screens show once the kept notices are read with the server list.
    await page.getByRole('navigation', { name: 'Screens' }).waitFor({ timeout: 30_000 })
    expect(await notice.count()).toBe(0)
    expect(pageErrors).toEqual([])
  })

  it('shows the picker and where the log comes from in Simplified Chinese', async () => {
    await page.getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('radio', { name: '简体中文' }).check()
    const card = page.getByRole('region', { name: '你在 plex.tv 上的服务器' })
    await card.getByText('使用中').waitFor({ timeout: 30_000 })
    await card.screenshot({ path: join(shots, 'server-picker-zh.png') })
    await page.getByRole('link', { name: '外发日志' }).click()
    await page.getByText(/每 5 分钟从 hush-demo 拉取。/).waitFor({ timeout: 30_000 })
    // To look at, not for the docs.
    await page.screenshot({
      path: join(repoRoot, 'test-results', 'screenshots', 'log-remote-zh.png'),
    })
    expect(pageErrors).toEqual([])
  })
})
