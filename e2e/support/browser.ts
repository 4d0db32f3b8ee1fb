import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'

/** A headless Chromium with a fresh profile, removed on close. */
export interface TestBrowser {
  readonly browser: Browser
  readonly context: BrowserContext
  readonly close: () => Promise<void>
}

/** Launches Debian's Chromium (or CHROME_PATH) headless with a throwaway profile. */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<TestBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'hush-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  })
  const browser = context.browser()
  return {
    browser: browser as Browser,
    context,
    close: async () => {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}
