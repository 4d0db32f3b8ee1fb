// Entry of `dist/outbound-worker.mjs`: parses one log file for parse-batches.ts, a batch at a
// time, never more than `workerCredits` batches ahead of the thread that consumes them.
import { parentPort, workerData } from 'node:worker_threads'
import {
  batchBuffers,
  parseInThread,
  workerCredits,
  type ParseJob,
  type WorkerMessage,
} from './parse-batches'

const port = parentPort
if (port) {
  let credits = workerCredits
  let wake: (() => void) | null = null
  port.on('message', () => {
    credits++
    wake?.()
    wake = null
  })
  try {
    await parseInThread(workerData as ParseJob, async batch => {
      while (credits === 0) {
        await new Promise<void>(resolve => (wake = resolve))
      }
      credits--
      const message: WorkerMessage = { type: 'batch', batch }
      port.postMessage(message, batchBuffers(batch))
    })
    port.postMessage({ type: 'done' } satisfies WorkerMessage)
  } catch (error) {
    port.postMessage({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
    } satisfies WorkerMessage)
  }
}
