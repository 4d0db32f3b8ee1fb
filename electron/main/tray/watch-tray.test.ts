import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { PrivacyApi } from '../../common/api/contract'
import type { TrayState } from '../../common/tray/tray-types'
import { startTestCore, type TestCore } from '../../node/service/testing/test-core'
import type { TrayController } from './tray-controller'
import { watchTray, type TrayTiming } from './watch-tray'

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** The tray as Electron would draw it (the one part that cannot run here): what it was given. */
function recordingTray(): { tray: TrayController; renders: TrayState[] } {
  const renders: TrayState[] = []
  const tray: TrayController = {
    render: state => renders.push(state),
    renderItems: () => undefined,
    labels: () => [],
    destroy: () => undefined,
  }
  return { tray, renders }
}

/** The core's api, with the times each method was called. */
function timedApi(api: PrivacyApi): { api: PrivacyApi; calls: (method: string) => number[] } {
  const calls = new Map<string, number[]>()
  const timed = new Proxy(api, {
    get: (target, method: string) => {
      const real = target[method as keyof PrivacyApi] as (input: unknown) => Promise<unknown>
      return (input: unknown) => {
        calls.set(method, [...(calls.get(method) ?? []), Date.now()])
        return real(input)
      }
    },
  })
  return { api: timed, calls: method => calls.get(method) ?? [] }
}

describe('the tray in step with a real core', () => {
  let test: TestCore

  /** Starts watching with `timing`; resolves once the first full state is shown. */
  async function watching(timing: TrayTiming) {
    const { tray, renders } = recordingTray()
    const { api, calls } = timedApi(test.core.api)
    const stop = watchTray(tray, test.core, api, timing)
    await vi.waitFor(() => expect(renders[0]?.reachable).toBe(true), { timeout: 10_000 })
    return { renders, calls, stop }
  }

  beforeAll(async () => {
    test = await startTestCore()
    await test.core.api['server.connectDemo']({})
  })
  afterAll(() => test.close())

  it('reads the witness again after new events without asking the server, the last of a burst included', async () => {
    const { renders, calls, stop } = await watching({
      witnessEveryMs: 600_000,
      recordedGapMs: 400,
    })
    try {
      const statusReads = calls('switches.status').length
      const emit = () => test.core.events.emit('log.recorded', { count: 1, newest: null })
      emit()
      await sleep(100)
      emit()
      await sleep(100)
      emit()
      const lastEmit = Date.now()
      await vi.waitFor(() => expect(calls('log.witness').some(at => at >= lastEmit)).toBe(true), {
        timeout: 3_000,
      })
      await vi.waitFor(() => expect(renders.at(-1)?.witness).toBeDefined())
      expect(renders.at(-1)?.switches).toEqual(renders[0]?.switches)
      expect(calls('switches.status').length).toBe(statusReads)
    } finally {
      stop()
    }
  })

  it('reads the witness on its own while it watches: a connection that closes records no event', async () => {
    // New events may read it once in ten minutes here: more reads than that are the timer's.
    const { renders, calls, stop } = await watching({
      witnessEveryMs: 150,
      recordedGapMs: 600_000,
    })
    try {
      expect(renders[0]?.witness?.state).toBe('watching')
      const before = calls('log.witness').length
      await vi.waitFor(
        () => expect(calls('log.witness').length).toBeGreaterThanOrEqual(before + 4),
        {
          timeout: 5_000,
        },
      )
    } finally {
      stop()
    }
    const after = calls('log.witness').length
    await sleep(400)
    expect(calls('log.witness').length).toBe(after)
  })
})
