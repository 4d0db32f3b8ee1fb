// Entry of `dist/checkpoint-worker.mjs`: copies the store's write-ahead log into its database file
// for wal-checkpointer.ts, on a connection of its own, whenever it is asked to.
import Database from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import type { CheckpointJob, CheckpointReply } from './wal-checkpointer'

const port = parentPort
if (port) {
  const job = workerData as CheckpointJob
  try {
    const db = new Database(job.path, {
      fileMustExist: true,
      ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}),
    })
    // As the writer's connection: the checkpoint syncs the database file once it is copied.
    db.pragma('synchronous = NORMAL')
    port.on('message', (request: 'checkpoint' | 'close') => {
      if (request === 'close') {
        db.close()
        port.close()
        return
      }
      // PASSIVE waits for no reader and no writer: it copies what it can and tries again later.
      db.pragma('wal_checkpoint(PASSIVE)')
      port.postMessage({ type: 'checkpointed' } satisfies CheckpointReply)
    })
    port.postMessage({ type: 'ready' } satisfies CheckpointReply)
  } catch (error) {
    port.postMessage({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
    } satisfies CheckpointReply)
  }
}
