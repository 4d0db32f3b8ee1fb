/** The demo's simulated clock: real time, sped up, plus any jumps forward. */
export interface SimClock {
  readonly now: () => number
  /** Moves the clock forward at once. */
  readonly jump: (millis: number) => void
  readonly speed: number
}

/** Creates a clock that starts at the real time and runs `speed` times faster. */
export function createSimClock(speed: number, realNow: () => number = Date.now): SimClock {
  const realStart = realNow()
  let jumped = 0
  return {
    speed,
    now: () => realStart + Math.floor((realNow() - realStart) * speed) + jumped,
    jump: millis => {
      jumped += Math.max(0, millis)
    },
  }
}
