import type { TrafficEmitter } from './traffic-emitter'

/** One periodic activity of the server: it logs what it does at `time` and says when it runs next. */
export interface TrafficJob {
  readonly name: string
  /** Delay of the first run after start-up, in ms. */
  readonly first: number
  /** Runs at `time`; returns the delay to the next run in ms. */
  readonly run: (emitter: TrafficEmitter, time: number) => number
}

/** One minute in ms. */
export const minute = 60_000

/** A job's next delay: `base` ms give or take a fifth, from the demo's seeded randomness. */
export const jitter = (e: TrafficEmitter, base: number): number =>
  Math.round(base * (0.8 + e.random.next() * 0.4))

/** plex.tv, where the account, registration and certificate jobs send. */
export const plexTv = 'https://plex.tv'
