import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { SkipCounts } from '../../common/outbound/outbound-event'
import { LogParser, type ParseOp, type ParserState } from './log-parser'
import { unpackOps, type PackedOps } from './packed-ops'
import { readOps } from './parse-file'

/** One file to parse from a position, with the correlation state carried into it. */
export interface ParseJob {
  readonly path: string
  /** The name events cite as their source file. */
  readonly file: string
  readonly state?: ParserState
  readonly start?: { offset: number; lineNo: number }
  /** Bytes read per batch. */
  readonly chunk: number
}

/** The ops of one chunk and the parser's position and state just after it (a cursor). */
export interface ParsedBatch {
  readonly ops: ParseOp[]
  readonly position: { offset: number; lineNo: number }
  readonly state: ParserState
  readonly skipped: SkipCounts
}

/** What the worker posts: a batch, the end, or why it failed. */
export type WorkerMessage =
  | { readonly type: 'batch'; readonly batch: Omit<ParsedBatch, 'ops'>; readonly ops: PackedOps }
  | { readonly type: 'done' }
  | { readonly type: 'failed'; readonly message: string }

/** Batches the worker may run ahead of the consumer: parsing overlaps storing, memory stays bounded. */
export const workerCredits = 2

/** Parses a job in this thread, handing each chunk's batch to `onBatch`. */
export async function parseInThread(
  job: ParseJob,
  onBatch: (batch: ParsedBatch) => void | Promise<void>,
): Promise<void> {
  const parser = new LogParser({ file: job.file, state: job.state, start: job.start })
  await readOps(
    job.path,
    parser,
    ops =>
      onBatch({
        ops,
        position: parser.position,
        state: parser.state,
        skipped: { ...parser.skipped },
      }),
    parser.position.offset,
    true,
    job.chunk,
  )
}

/** The bundled worker beside the bundle that runs this code (`dist/outbound-worker.mjs`), if built. */
function workerFile(): URL | null {
  const url = new URL('./outbound-worker.mjs', import.meta.url)
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null
}

/**
 * Parses a job on a worker thread while the caller stores the previous batch, so reading and
 * parsing a large log overlap the database writes. Falls back to this thread when the worker
 * bundle is not there (the sources run under the test runner). Batches arrive in order; `onBatch`
 * runs synchronously between them and may throw, which stops the worker.
 */
export async function parseBatches(
  job: ParseJob,
  onBatch: (batch: ParsedBatch) => void,
): Promise<void> {
  const file = workerFile()
  if (!file) {
    return parseInThread(job, onBatch)
  }
  const worker = new Worker(file, { workerData: job })
  try {
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'batch') {
          try {
            onBatch({ ...message.batch, ops: unpackOps(message.ops) })
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)))
            return
          }
          worker.postMessage('credit')
        } else if (message.type === 'done') {
          resolve()
        } else {
          reject(new Error(message.message))
        }
      })
      worker.on('error', reject)
      worker.on('exit', code => reject(new Error(`the log parser stopped (exit ${code})`)))
    })
  } finally {
    worker.removeAllListeners()
    await worker.terminate()
  }
}
