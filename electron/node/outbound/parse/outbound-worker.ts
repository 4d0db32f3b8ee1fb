// Entry of `dist/outbound-worker.mjs`: parses one log file for parse-batches.ts, a batch per
// chunk, never more than `workerCredits` batches ahead of the thread that stores them.
import { parentPort, workerData } from 'node:worker_threads'
import { parseInThread, workerCredits, type ParseJob, type WorkerMessage } from './parse-batches'

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
      // Packed by parseInThread (the job asks for it): pieces of one stream, its targets numbered.
      const packed = batch.packed ?? []
      const message: WorkerMessage = { type: 'batch', batch: { ...batch, ops: null, packed } }
      port.postMessage(
        message,
        packed.flatMap(p => [
          p.targets.buffer as ArrayBuffer,
          p.ints.buffer as ArrayBuffer,
          p.ts.buffer as ArrayBuffer,
          p.walls.buffer as ArrayBuffer,
        ]),
      )
    })
    port.postMessage({ type: 'done' } satisfies WorkerMessage)
  } catch (error) {
    port.postMessage({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
    } satisfies WorkerMessage)
  }
}
