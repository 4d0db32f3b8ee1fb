import { Worker } from 'node:worker_threads'
import type { ParseJob, PostedBatch, WorkerMessage } from './parse-batches'
import { workerScript } from './worker-script'

/** How a worker's parse ended: done, or the worker never started and parsed nothing (why not). */
export type WorkerOutcome =
  { readonly started: true } | { readonly started: false; readonly reason: string }

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Parses a job on a worker thread started from the bundle at `file`, handing each batch to
 * `onBatch` in order, one per turn of the event loop, and giving the worker a credit back after
 * each. A worker that cannot start (its bundle does not load) is an outcome, with nothing handed
 * over, so the caller may parse in its own thread instead. Once a batch has arrived, a failure
 * rejects: the batches already handed over cannot be taken back.
 */
export async function parseOnWorker(
  file: URL,
  job: ParseJob,
  onBatch: (batch: PostedBatch) => void,
): Promise<WorkerOutcome> {
  let worker: Worker
  try {
    // A small young generation: pieces are columns and the parser's garbage dies young; a larger
    // one only made the importing process bigger. Measured on the exchange-heavy bench log, peak
    // RSS of the import: 64 MB, 20 MB more than 8 MB; 8 MB, 183–193 MB; 2 MB, 169–176 MB, as fast
    // (and `hush log parse` 10 % sooner).
    worker = new Worker(workerScript(file), {
      workerData: job,
      resourceLimits: { maxYoungGenerationSizeMb: 2 },
    })
  } catch (error) {
    return { started: false, reason: messageOf(error) }
  }
  try {
    return await new Promise<WorkerOutcome>((resolve, reject) => {
      let started = false
      let settled = false
      const settle = (outcome: WorkerOutcome | Error): void => {
        settled = true
        if (outcome instanceof Error) {
          reject(outcome)
        } else {
          resolve(outcome)
        }
      }
      // Messages wait here and are handled one per turn of the event loop. A worker's port hands
      // over, in one go, every message that arrives while it is being read; handled as they came,
      // each batch's credit brought the next batch in time, and the thread (the desktop's main
      // process, a server's) answered nothing else for a whole import: 2.5–3.7 s, measured.
      const waiting: WorkerMessage[] = []
      let ended = false
      const handleNext = (): void => {
        const message = waiting.shift()
        if (!message || settled) {
          return
        }
        if (message.type === 'batch') {
          try {
            onBatch(message.batch)
          } catch (error) {
            settle(error instanceof Error ? error : new Error(String(error)))
            return
          }
          worker.postMessage('credit')
          if (waiting.length > 0) {
            setImmediate(handleNext)
          }
        } else if (message.type === 'done') {
          settle({ started: true })
        } else {
          settle(new Error(message.message))
        }
      }
      const stopped = (reason: string): void => {
        if (!settled) {
          settle(started ? new Error(reason) : { started: false, reason })
        }
      }
      worker.on('message', (message: WorkerMessage) => {
        started = true
        ended ||= message.type !== 'batch'
        waiting.push(message)
        if (waiting.length === 1) {
          setImmediate(handleNext)
        }
      })
      worker.on('error', error => stopped(messageOf(error)))
      // A worker that has said it is done (or why it failed) may exit before that is handled.
      worker.on('exit', code => ended || stopped(`the log parser stopped (exit ${code})`))
    })
  } finally {
    worker.removeAllListeners()
    await worker.terminate()
  }
}
