import type { PrivacyBridge } from '../../common/api/contract'
import type { ParserWorkerCheck } from '../../node/outbound/parse/parser-worker-check'
import { isLiveOverview, type OverviewSnapshot } from './overview-probe'

/** The steps of a smoke run, in order; a failed run names the one that broke. */
export type SmokeStep =
  | 'window-shown'
  | 'demo-connected'
  | 'overview-live'
  | 'tray-menu'
  | 'store-open'
  | 'parser-worker'
  | 'switch-flipped'
  | 'switch-restored'

/**
 * What the smoke run touches of the app: the real window, tray and core in Electron, fakes at
 * Electron's boundary in `npm test`. `call` goes from the window through IPC to the core.
 */
export interface SmokeProbe {
  /** Resolves when the window is shown. */
  readonly windowShown: () => Promise<void>
  /** Connects the core to the built-in demo server; null on success, else why not. */
  readonly connectDemo: () => Promise<string | null>
  readonly readOverview: () => Promise<OverviewSnapshot>
  /** The labels of the tray menu as built, or null when there is no tray. */
  readonly trayMenu: () => readonly string[] | null
  readonly call: PrivacyBridge['call']
  /** Which better-sqlite3 build the store loads (a path, or `bundled`). */
  readonly sqliteBinding: string
  /** Parses a small log on the log parser's worker thread, as a large import would. */
  readonly parserWorker: () => Promise<ParserWorkerCheck>
}

/** Time for the smoke run; real in the app, controlled in tests. */
export interface SmokeClock {
  readonly now: () => number
  readonly sleep: (ms: number) => Promise<void>
}

/** Everything a run checked, with its times in milliseconds since the app started. */
export interface SmokeReport {
  readonly ok: boolean
  readonly failedStep: SmokeStep | null
  readonly message: string | null
  readonly checked: Record<string, unknown>
  readonly ms: { windowShown: number | null; liveValues: number | null; total: number }
}

/** Thrown inside the run; becomes the report's failed step. */
class SmokeFailure extends Error {
  constructor(
    readonly step: SmokeStep,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Runs the smoke sequence: window shown, demo connected, the Overview with live values, the tray
 * menu, the outbound store answering, the log parser's worker thread, and one switch flipped and
 * undone through IPC. Never throws: every failure is a report with the step that broke.
 * `startedAt` is the app's start.
 */
export async function runSmoke(
  probe: SmokeProbe,
  clock: SmokeClock,
  { startedAt, timeoutMs, pollMs = 100 }: { startedAt: number; timeoutMs: number; pollMs?: number },
): Promise<SmokeReport> {
  const checked: Record<string, unknown> = {}
  const ms: SmokeReport['ms'] = { windowShown: null, liveValues: null, total: 0 }
  const deadline = startedAt + timeoutMs
  const within = async <T>(step: SmokeStep, work: Promise<T>): Promise<T> => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const late = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new SmokeFailure(step, `not done within ${timeoutMs} ms of the start`)),
        Math.max(0, deadline - clock.now()),
      )
    })
    try {
      return await Promise.race([work, late])
    } catch (error) {
      throw error instanceof SmokeFailure
        ? error
        : new SmokeFailure(step, error instanceof Error ? error.message : String(error))
    } finally {
      clearTimeout(timer)
    }
  }
  try {
    await within('window-shown', probe.windowShown())
    ms.windowShown = clock.now() - startedAt
    checked.window = 'shown'

    const refused = await within('demo-connected', probe.connectDemo())
    if (refused !== null) {
      throw new SmokeFailure('demo-connected', refused)
    }
    checked.server = 'built-in demo'

    let snapshot = await within('overview-live', probe.readOverview())
    while (!isLiveOverview(snapshot)) {
      if (clock.now() >= deadline) {
        throw new SmokeFailure('overview-live', `the window shows ${JSON.stringify(snapshot)}`)
      }
      await clock.sleep(pollMs)
      snapshot = await within('overview-live', probe.readOverview())
    }
    ms.liveValues = clock.now() - startedAt
    checked.overview = { screen: snapshot.screen, switchValues: snapshot.badges }

    const menu = probe.trayMenu()
    if (menu === null || menu.length === 0) {
      throw new SmokeFailure('tray-menu', menu === null ? 'no tray icon' : 'the tray menu is empty')
    }
    checked.tray = { menuItems: menu.length }

    const count = await within('store-open', probe.call('log.count', {}))
    checked.store = { events: count.total, sqliteBinding: probe.sqliteBinding }

    checked.parser = parserOnWorker(await within('parser-worker', probe.parserWorker()))

    checked.switch = await flipAndUndo(probe, within)
  } catch (error) {
    const failure =
      error instanceof SmokeFailure
        ? error
        : new SmokeFailure('window-shown', error instanceof Error ? error.message : String(error))
    ms.total = clock.now() - startedAt
    return { ok: false, failedStep: failure.step, message: failure.message, checked, ms }
  }
  ms.total = clock.now() - startedAt
  return { ok: true, failedStep: null, message: null, checked, ms }
}

/** The check's result when the log parser ran on its worker thread, else a failure saying why not. */
function parserOnWorker(check: ParserWorkerCheck): Record<string, unknown> {
  if (check.parsedOn.thread !== 'worker') {
    throw new SmokeFailure(
      'parser-worker',
      `the log parser's worker did not start: ${check.parsedOn.workerFailed ?? 'its bundle is not beside the main bundle'}`,
    )
  }
  if (check.events !== 1) {
    throw new SmokeFailure(
      'parser-worker',
      `the parser's worker found ${check.events} events in one`,
    )
  }
  return { thread: 'worker', events: check.events }
}

/** Flips one switch that can be read and set, checks it moved, undoes it, checks it is back. */
async function flipAndUndo(
  probe: SmokeProbe,
  within: <T>(step: SmokeStep, work: Promise<T>) => Promise<T>,
): Promise<Record<string, string>> {
  const stateOf = async (step: SmokeStep, id: string) => {
    const board = await within(step, probe.call('switches.status', {}))
    if (!board.ok) {
      throw new SmokeFailure(step, board.error.message)
    }
    return board.value.switches.find(entry => entry.id === id)?.state
  }
  const board = await within('switch-flipped', probe.call('switches.status', {}))
  if (!board.ok) {
    throw new SmokeFailure('switch-flipped', board.error.message)
  }
  const target =
    board.value.switches.find(entry => entry.id === 'relay' && entry.state !== 'unavailable') ??
    board.value.switches.find(entry => entry.state === 'on' || entry.state === 'off')
  if (!target || (target.state !== 'on' && target.state !== 'off')) {
    throw new SmokeFailure('switch-flipped', 'no switch can be read and set on the demo server')
  }
  const from = target.state
  const to = from === 'on' ? 'off' : 'on'
  const set = await within(
    'switch-flipped',
    probe.call('switches.set', { switchId: target.id, value: to }),
  )
  if (!set.ok) {
    throw new SmokeFailure('switch-flipped', set.error.message)
  }
  const flipped = await stateOf('switch-flipped', target.id)
  if (flipped !== to) {
    throw new SmokeFailure(
      'switch-flipped',
      `${target.id} reads ${String(flipped)} after set ${to}`,
    )
  }
  const undo = await within('switch-restored', probe.call('switches.undo', {}))
  if (!undo.ok) {
    throw new SmokeFailure('switch-restored', undo.error.message)
  }
  const restored = await stateOf('switch-restored', target.id)
  if (restored !== from) {
    throw new SmokeFailure('switch-restored', `${target.id} reads ${String(restored)} after undo`)
  }
  return { id: target.id, from, to, restored: from }
}

/** The one JSON line a smoke run prints: `{"smoke":"ok"|"failed",…}`. */
export function smokeLine(report: SmokeReport): string {
  return JSON.stringify({
    smoke: report.ok ? 'ok' : 'failed',
    ...(report.ok ? {} : { failedStep: report.failedStep, message: report.message }),
    checked: report.checked,
    ms: report.ms,
  })
}
