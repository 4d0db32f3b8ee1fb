import type { Statement } from 'better-sqlite3'

/** Events of one host in one clock hour: what the flood cap counts. */
export interface FloodBucket {
  readonly host: string
  readonly hour: number
  count: number
}

interface DayCount {
  readonly day: string
  readonly category: string
  readonly host: string
  count: number
}

/**
 * What one write transaction adds to the per-host-per-hour flood counts and the per-day counts,
 * gathered in memory and stored once at its end (a row per bucket, not per event).
 */
export class WriteTallies {
  private readonly flood = new Map<string, FloodBucket>()
  private readonly days = new Map<string, DayCount>()

  constructor(private readonly storedFlood: (host: string, hour: number) => number) {}

  /** The flood bucket of a host and hour, starting from what the store already counted. */
  bucket(host: string, hour: number): FloodBucket {
    const key = `${hour} ${host}`
    let b = this.flood.get(key)
    if (!b) {
      b = { host, hour, count: this.storedFlood(host, hour) }
      this.flood.set(key, b)
    }
    return b
  }

  /** Adds stored events to a day's count for a category and host. */
  addDay(day: string, category: string, host: string, n: number): void {
    const key = `${day} ${category} ${host}`
    const d = this.days.get(key)
    if (d) {
      d.count += n
    } else {
      this.days.set(key, { day, category, host, count: n })
    }
  }

  /** Stores the tallies (`floodPut` sets a bucket; `dailyPut` adds to a day). */
  store(floodPut: Statement, dailyPut: Statement): void {
    for (const b of this.flood.values()) {
      floodPut.run(b.host, b.hour, b.count)
    }
    for (const d of this.days.values()) {
      dailyPut.run(d.day, d.category, d.host, d.count)
    }
  }
}
