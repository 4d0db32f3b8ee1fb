import { existsSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import type { SkipCounts } from '../../../common/outbound/outbound-event'
import { LogParser, type ParserState } from './log-parser'
import { parseOnWorker } from './parse-on-worker'
import { pieceBuffers, type ParsedPiece } from './parsed-piece'
import { readChunks } from './read-chunks'
import { TargetDefinitions } from './target-numbers'

/** One file to parse from a position, with the correlation state carried into it. */
export interface ParseJob {
  readonly path: string
  /** The name events cite as their source file. */
  readonly file: string
  readonly state?: ParserState
  readonly start?: { offset: number; lineNo: number }
  /** Bytes of log per batch (a batch is what a consumer handles at once: one transaction). */
  readonly batchBytes: number
  /** Whether a last line without a newline counts (a whole file) or waits (a file being written). */
  readonly finish?: boolean
}

/** Bytes of log per piece: pieces are built and handed over this often, so few objects age. */
export const pieceBytes = 1024 * 1024

/**
 * The pieces of a batch of the log, and the parser's position and state just after it (a
 * cursor). `targets` has the targets of the job's stream (one object for the whole job): read a
 * batch's pieces in order with it. Answers whose request was in the same piece are already folded
 * into it (`folded` counts them).
 */
export interface ParsedBatch {
  readonly pieces: ParsedPiece[]
  readonly targets: TargetDefinitions
  readonly folded: number
  readonly position: { offset: number; lineNo: number }
  readonly state: ParserState
  readonly skipped: SkipCounts
}

/** A batch as it crosses from the worker: without the targets, which each side keeps. */
export type PostedBatch = Omit<ParsedBatch, 'targets'>

/** What the worker posts: a batch, the end, or why it failed. */
export type WorkerMessage =
  | { readonly type: 'batch'; readonly batch: PostedBatch }
  | { readonly type: 'done' }
  | { readonly type: 'failed'; readonly message: string }

/** Batches the worker may run ahead of the consumer: parsing overlaps storing, memory stays bounded. */
export const workerCredits = 2

/** Parses a job in this thread, handing each batch to `onBatch` (awaited before the next). */
export async function parseInThread(
  job: ParseJob,
  onBatch: (batch: PostedBatch) => void | Promise<void>,
): Promise<void> {
  const parser = new LogParser({ file: job.file, state: job.state, start: job.start })
  let folded = 0
  let pieces: ParsedPiece[] = []
  let batchStart = parser.position.offset
  const hand = (): void | Promise<void> => {
    const batch: PostedBatch = {
      pieces,
      folded: parser.folded - folded,
      position: parser.position,
      state: parser.state,
      skipped: { ...parser.skipped },
    }
    folded = parser.folded
    pieces = []
    batchStart = parser.position.offset
    return onBatch(batch)
  }
  const chunk = Math.min(pieceBytes, job.batchBytes)
  await readChunks({ path: job.path, from: parser.position.offset, chunk }, bytes => {
    parser.feed(bytes)
    if (parser.parsed > 0) {
      pieces.push(parser.take())
    }
    return parser.position.offset - batchStart >= job.batchBytes ? hand() : undefined
  })
  if (job.finish !== false) {
    parser.finish()
  }
  if (parser.parsed > 0) {
    pieces.push(parser.take())
  }
  if (pieces.length > 0 || parser.position.offset > batchStart) {
    await hand()
  }
}

/** Below this many bytes a worker's start-up costs more than it saves. */
const workerMinBytes = 8 * 1024 * 1024

/**
 * Whether to parse on a second thread: with two cores or more, for a large file. Measured on two
 * cores kept busy by another process, the worker still imported as fast or faster, for a tenth
 * more CPU; a load average, which lags by a minute, chose worse. `HUSH_PARSE_WORKER=0|1`
 * decides instead, for measuring.
 */
async function wantsWorker(job: ParseJob): Promise<boolean> {
  const forced = process.env.HUSH_PARSE_WORKER
  if (forced === '0' || forced === '1') {
    return forced === '1'
  }
  const size = (await stat(job.path)).size
  return size - (job.start?.offset ?? 0) >= workerMinBytes && availableParallelism() >= 2
}

/** The bundled worker beside the bundle that runs this code (`dist/outbound-worker.mjs`), if built. */
export function workerFile(): URL | null {
  const url = new URL('./outbound-worker.mjs', import.meta.url)
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null
}

/** Where a job was parsed; `workerFailed` says why a worker that was wanted did not start. */
export type ParsedOn =
  { readonly thread: 'worker' } | { readonly thread: 'this'; readonly workerFailed?: string }

/** Which worker bundle to use (none: this thread), and whether to use it whatever the file's size. */
export interface ParseThreads {
  readonly worker?: URL | null
  readonly forceWorker?: boolean
}

/**
 * Parses a job on a worker thread while the caller stores the previous batch, so reading and
 * parsing a large log overlap the database writes. Stays in this thread when the worker bundle
 * is not there (the sources run under the test runner) or the file is small, and parses here
 * when the worker cannot start, so an import never fails for want of a thread. Batches arrive in
 * order; `onBatch` runs synchronously between them and may throw, which stops the worker.
 */
export async function parseBatches(
  job: ParseJob,
  onBatch: (batch: ParsedBatch) => void,
  { worker = workerFile(), forceWorker = false }: ParseThreads = {},
): Promise<ParsedOn> {
  // One set of targets for the job's pieces, which number them along the whole job.
  const targets = new TargetDefinitions()
  const handOn = (batch: PostedBatch): void => onBatch({ ...batch, targets })
  const onWorker =
    worker && (forceWorker || (await wantsWorker(job)))
      ? await parseOnWorker(worker, job, handOn)
      : null
  if (onWorker?.started) {
    return { thread: 'worker' }
  }
  await parseInThread(job, handOn)
  return onWorker ? { thread: 'this', workerFailed: onWorker.reason } : { thread: 'this' }
}

/** The buffers of a batch's pieces, transferred to the consuming thread without a copy. */
export function batchBuffers(batch: PostedBatch): ArrayBuffer[] {
  return batch.pieces.flatMap(pieceBuffers)
}
