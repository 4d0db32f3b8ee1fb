import { describe, expect, it, vi } from 'vitest'
import { createTrailingGate } from './trailing-gate'

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

describe('a trailing gate', () => {
  it('runs once for a burst inside the gap, after the burst, and never drops the last poke', async () => {
    const runs: number[] = []
    const gate = createTrailingGate(300, () => runs.push(Date.now()))
    gate.poke()
    await vi.waitFor(() => expect(runs).toHaveLength(1))
    gate.poke()
    await sleep(50)
    gate.poke()
    const lastPoke = Date.now()
    await vi.waitFor(() => expect(runs).toHaveLength(2), { timeout: 2_000 })
    const [first, second] = runs as [number, number]
    // setTimeout may fire a millisecond early by Date.now().
    expect(second).toBeGreaterThanOrEqual(Math.max(lastPoke, first + 300) - 2)
    await sleep(400)
    expect(runs).toHaveLength(2)
  })

  it('runs at once when the last run is a gap ago, and not after it is stopped', async () => {
    let runs = 0
    const gate = createTrailingGate(500, () => runs++)
    gate.poke()
    await vi.waitFor(() => expect(runs).toBe(1))
    await sleep(600)
    const poked = Date.now()
    gate.poke()
    await vi.waitFor(() => expect(runs).toBe(2), { interval: 5 })
    // At once: far sooner than the gap would make it wait.
    expect(Date.now() - poked).toBeLessThan(250)
    gate.poke()
    gate.stop()
    await sleep(150)
    expect(runs).toBe(2)
  })
})
