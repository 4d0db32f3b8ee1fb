import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchBrowser } from '../support/browser'
import { repoRoot } from '../support/hush-serve'
import { startFakeLogHost } from './fake-log-host'

/** What the dashboard bench measured. */
export interface DashboardFigures {
  /** `hush serve --demo` start to the switches shown with live values in Chromium, per run (ms). */
  readonly startToSwitchesMs: readonly number[]
  /** Frame times while scrolling the log through 1,000,000 events (ms). */
  readonly scrollFrameMs: { readonly p50: number; readonly p95: number; readonly max: number }
  readonly domRows: number
  readonly jsHeapMb: number
}

const scrollScript = `(async () => {
  const grid = document.querySelector('[role=grid]')
  const frames = []
  let last = performance.now()
  for (let i = 0; i < 240; i++) {
    grid.scrollTop += 4000 + (i % 7) * 997
    await new Promise(r => requestAnimationFrame(r))
    const now = performance.now()
    frames.push(now - last)
    last = now
  }
  await new Promise(r => setTimeout(r, 1000))
  frames.sort((a, b) => a - b)
  const pick = q => Math.round(frames[Math.floor(q * (frames.length - 1))] * 10) / 10
  return {
    p50: pick(0.5), p95: pick(0.95), max: pick(1),
    domRows: grid.querySelectorAll('[role=row]').length,
    heap: performance.memory ? performance.memory.usedJSHeapSize / 1048576 : -1,
  }
})()`

/** Measures the dashboard in Chromium: start-up against the demo, and a 1M-event log scroll. */
export async function benchDashboard(runs = 3): Promise<DashboardFigures> {
  // Precise heap figures instead of Chromium's coarse, rounded ones.
  const browser = await launchBrowser(['--enable-precise-memory-info'])
  const page = await browser.context.newPage()
  const startToSwitchesMs: number[] = []
  try {
    for (let run = 0; run < runs; run++) {
      const stateDir = await mkdtemp(join(tmpdir(), 'hush-bench-'))
      const started = performance.now()
      const child = spawn(
        process.execPath,
        [
          join(repoRoot, 'bin', 'hush.mjs'),
          'serve',
          '--demo',
          '--port',
          '0',
          '--state-dir',
          stateDir,
        ],
        { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
      )
      const url = await new Promise<string>((resolve, reject) => {
        let output = ''
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString()
          const match = /http:\/\/\S+#token=\S+/.exec(output)
          if (match) {
            resolve(match[0])
          }
        })
        child.once('exit', code => reject(new Error(`hush serve exited with ${code}`)))
      })
      await page.goto(url)
      await page.locator('nav a[href="#/switches"]').click()
      await page.getByRole('switch').first().waitFor()
      startToSwitchesMs.push(Math.round(performance.now() - started))
      const exited = new Promise(resolve => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
      await rm(stateDir, { recursive: true, force: true })
    }
    const host = await startFakeLogHost(join(repoRoot, 'dist', 'renderer'), 1_000_000)
    try {
      await page.goto(host.openUrl)
      await page.locator('nav a[href="#/log"]').click()
      await page.locator('[role=grid] [role=gridcell].mono').first().waitFor()
      const scroll = await page.evaluate<{
        p50: number
        p95: number
        max: number
        domRows: number
        heap: number
      }>(scrollScript)
      return {
        startToSwitchesMs,
        scrollFrameMs: { p50: scroll.p50, p95: scroll.p95, max: scroll.max },
        domRows: scroll.domRows,
        jsHeapMb: Math.round(scroll.heap * 10) / 10,
      }
    } finally {
      await host.close()
    }
  } finally {
    await browser.close()
  }
}
