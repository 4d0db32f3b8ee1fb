import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

/** One accessibility violation, trimmed to what a failure message needs. */
export interface AxeViolation {
  readonly id: string
  readonly impact: string | null
  readonly help: string
  readonly targets: readonly string[]
}

const require = createRequire(import.meta.url)
let axeSource: string | undefined

/**
 * Runs axe-core on the page (WCAG 2.1 A and AA rules) and returns the serious and critical
 * violations. The script is evaluated through the DevTools protocol, so the page's CSP stays as
 * strict as it is for owners.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
  await page.evaluate(axeSource)
  const results = await page.evaluate<AxeViolation[]>(`axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }).then(r => r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
  })))`)
  return results.filter(v => v.impact === 'serious' || v.impact === 'critical')
}
