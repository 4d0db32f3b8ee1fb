/** Runs a task at most once per gap; `poke` asks for a run, `stop` cancels the one waiting. */
export interface TrailingGate {
  readonly poke: () => void
  readonly stop: () => void
}

/**
 * Lets `run` go at most once per `gapMs`, never dropping the last request: a poke inside the gap
 * waits for its end, and any number of pokes meanwhile make one run. For something shown from
 * changes that may come in bursts (new events while a log is read), where the latest matters.
 */
export function createTrailingGate(gapMs: number, run: () => void): TrailingGate {
  let lastRun = -Infinity
  let waiting: ReturnType<typeof setTimeout> | null = null
  return {
    poke: () => {
      if (waiting !== null) {
        return
      }
      waiting = setTimeout(
        () => {
          waiting = null
          lastRun = Date.now()
          run()
        },
        Math.max(0, lastRun + gapMs - Date.now()),
      )
    },
    stop: () => {
      if (waiting !== null) {
        clearTimeout(waiting)
        waiting = null
      }
    },
  }
}
