import { Worker } from 'node:worker_threads'
import { bundledWorkerFile } from '../bundled-worker'
import type { StoreDb } from './open-store'

/** What the checkpoint thread is given: the store's file, and the SQLite module to open it with. */
export interface CheckpointJob {
  readonly path: string
  readonly nativeBinding?: string
}

/** What the checkpoint thread says: it opened the store, it copied frames, or it could not open. */
export type CheckpointReply =
  | { readonly type: 'ready' }
  | { readonly type: 'checkpointed' }
  | { readonly type: 'failed'; readonly message: string }

/**
 * While the checkpoint thread runs, the writer checkpoints only when its write-ahead log passes
 * this many pages (64 MiB): a backstop that keeps the log bounded should the thread fall behind.
 */
const backstopPages = 16_000

/**
 * Copies a store's write-ahead log into its database file on a thread of its own while a long
 * write (an import) goes on, so that the writer's commits do not wait for the copy and its
 * fsync. Measured on the exchange-heavy bench log, the import took 0.5 s (8 %) less on two
 * cores; the copying is mostly waiting for the disk, so it takes little from the parser.
 *
 * The writer's own automatic checkpoints are held back to a backstop meanwhile and restored on
 * `stop()`, or as soon as the thread fails: the log never grows without bound.
 */
export class WalCheckpointer {
  /** The thread is opening the store or copying: a nudge meanwhile is kept for after. */
  private running = true
  private asked = false
  private failed = false
  private closing = false
  /** Called when the thread is no longer running (a reply came, or it ended). */
  private settled: (() => void) | null = null
  private readonly exited: Promise<void>

  private constructor(
    private readonly db: StoreDb,
    private readonly worker: Worker,
    private readonly restorePages: number,
  ) {
    this.exited = new Promise(resolve =>
      worker.once('exit', () => {
        if (!this.closing) {
          this.fallBack()
        }
        resolve()
      }),
    )
    worker.on('message', (reply: CheckpointReply) => {
      if (reply.type === 'failed') {
        this.fallBack()
        return
      }
      this.idle()
      if (this.asked) {
        this.nudge()
      }
    })
    worker.on('error', () => this.fallBack())
    db.pragma(`wal_autocheckpoint = ${backstopPages}`)
  }

  /**
   * Starts a checkpoint thread for a store, or returns null where the thread's bundle is not
   * built (`workerFile` overrides where it is looked for). The store must be a file in WAL mode.
   */
  static start(
    db: StoreDb,
    options: { readonly nativeBinding?: string; readonly workerFile?: URL | null } = {},
  ): WalCheckpointer | null {
    const file =
      options.workerFile === undefined ? bundledWorkerFile('checkpoint-worker') : options.workerFile
    if (!file || db.memory) {
      return null
    }
    const job: CheckpointJob = {
      path: db.name,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    }
    const restore = db.pragma('wal_autocheckpoint', { simple: true }) as number
    return new WalCheckpointer(db, new Worker(file, { workerData: job }), restore)
  }

  /** Whether the thread failed and the writer checkpoints on its own again. */
  get fellBack(): boolean {
    return this.failed
  }

  /** A write committed: copy what the log holds, once the copy under way (if any) is done. */
  nudge(): void {
    if (this.failed) {
      return
    }
    if (this.running) {
      this.asked = true
      return
    }
    this.asked = false
    this.running = true
    this.worker.postMessage('checkpoint')
  }

  /**
   * Waits for the copies under way and asked for, closes the thread's connection, and restores
   * the writer's checkpoints.
   */
  async stop(): Promise<void> {
    while (this.running && !this.failed) {
      await new Promise<void>(resolve => (this.settled = resolve))
    }
    this.closing = true
    if (!this.failed) {
      this.worker.postMessage('close')
    }
    await this.exited
    this.restore()
  }

  private idle(): void {
    this.running = false
    this.settled?.()
    this.settled = null
  }

  private fallBack(): void {
    if (!this.failed) {
      this.failed = true
      this.restore()
      void this.worker.terminate()
    }
    this.idle()
  }

  private restore(): void {
    if (this.db.open) {
      this.db.pragma(`wal_autocheckpoint = ${this.restorePages}`)
    }
  }
}
