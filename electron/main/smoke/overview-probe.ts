/** What the window shows, read from its page by `overviewProbeScript`. */
export interface OverviewSnapshot {
  /** The `href` of the current screen's navigation link (`#/overview`), or null before there is one. */
  readonly screen: string | null
  /** State badges in the main area: each one a switch value the core read from the server. */
  readonly badges: number
  /** Something in the page still says it is loading. */
  readonly busy: boolean
}

/**
 * Runs in the window (webContents.executeJavaScript) and returns an OverviewSnapshot. It reads only
 * what the owner sees: the current navigation link, the badges, aria-busy. e2e/overview-probe.spec.ts
 * runs the same script against the dashboard in Chromium, so a renderer change that breaks it fails
 * `npm test`, not only the desktop CI job.
 */
export const overviewProbeScript = `(() => {
  const current = document.querySelector('nav a[aria-current="page"]')
  return {
    screen: current ? current.getAttribute('href') : null,
    badges: document.querySelectorAll('main .badge').length,
    busy: document.querySelector('[aria-busy="true"]') !== null,
  }
})()`

/** Whether a snapshot is the Overview with live switch values. */
export function isLiveOverview(snapshot: OverviewSnapshot): boolean {
  return snapshot.screen === '#/overview' && snapshot.badges > 0 && !snapshot.busy
}

/** Checks a value from the page has the snapshot's shape (it crossed a process boundary). */
export function asOverviewSnapshot(value: unknown): OverviewSnapshot {
  const v = value as Partial<OverviewSnapshot> | null
  return {
    screen: typeof v?.screen === 'string' ? v.screen : null,
    badges: typeof v?.badges === 'number' ? v.badges : 0,
    busy: v?.busy === true,
  }
}
