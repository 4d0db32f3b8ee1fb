import { walCheckpointPages, type StoreDb } from './open-store'

/**
 * While idle checkpoints run, the writer checkpoints inside a commit only when its write-ahead
 * log passes this many pages (64 MiB): a backstop that keeps the log bounded should the writer
 * never wait.
 */
const backstopPages = 16_000

/**
 * Copies a store's write-ahead log into its database file when the writer waits, instead of
 * inside a commit. An import writes a batch, then waits for the parser's next one: the copy
 * and its fsync fill that wait, and the parser goes on meanwhile. SQLite's own checkpoint runs
 * inside the commit that passes its threshold, where the parser then waits for it.
 *
 * Measured on the exchange-heavy bench log (two cores), the import took 2–4 % less on a quiet
 * disk, where a checkpoint is short. The writer's own checkpoints are held back to a backstop
 * meanwhile and come back on `stop()`, or at once when a checkpoint fails.
 */
export class IdleCheckpoints {
  private commits = 0
  private stopped = false

  constructor(private readonly db: StoreDb) {
    db.pragma(`wal_autocheckpoint = ${backstopPages}`)
  }

  /** A write committed: checkpoint once the writer has nothing else to do. */
  committed(): void {
    const commit = ++this.commits
    // After the events already queued: a batch that was waiting is written first, and only the
    // last commit before a wait checkpoints.
    setImmediate(() => {
      if (commit !== this.commits || this.stopped || !this.db.open) {
        return
      }
      try {
        // PASSIVE waits for no reader: it copies what it can, and the next wait copies the rest.
        this.db.pragma('wal_checkpoint(PASSIVE)')
      } catch {
        // A failing disk fails the next write too, which reports it; until then the writer
        // checkpoints on its own again.
        this.stop()
      }
    })
  }

  /**
   * Stops checkpointing when idle, and gives the writer its own checkpoints back: the store's
   * setting, not the one found at the start, which an import running beside this one (a manual
   * import during a remote pull) may have held back.
   */
  stop(): void {
    if (!this.stopped) {
      this.stopped = true
      if (this.db.open) {
        this.db.pragma(`wal_autocheckpoint = ${walCheckpointPages}`)
      }
    }
  }
}
